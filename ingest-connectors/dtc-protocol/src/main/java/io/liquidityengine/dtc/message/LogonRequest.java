package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_LogonRequest}: type 1 ({@link MessageType#LOGON_REQUEST}), 284 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param protocolVersion                {@code ProtocolVersion}, int32, default CURRENT_PROTOCOL_VERSION
 * @param username                       {@code Username}, char[32], at most 31 bytes of UTF-8
 * @param password                       {@code Password}, char[32], at most 31 bytes of UTF-8
 * @param generalTextData                {@code GeneralTextData}, char[64], at most 63 bytes of UTF-8
 * @param integer_1                      {@code Integer_1}, int32
 * @param integer_2                      {@code Integer_2}, int32
 * @param heartbeatIntervalInSeconds     {@code HeartbeatIntervalInSeconds}, int32
 * @param tradeAccount                   {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 * @param hardwareIdentifier             {@code HardwareIdentifier}, char[64], at most 63 bytes of UTF-8
 * @param clientName                     {@code ClientName}, char[32], at most 31 bytes of UTF-8
 * @param marketDataTransmissionInterval {@code MarketDataTransmissionInterval}, int32
 */
public record LogonRequest(
        int protocolVersion,
        String username,
        String password,
        String generalTextData,
        int integer_1,
        int integer_2,
        int heartbeatIntervalInSeconds,
        String tradeAccount,
        String hardwareIdentifier,
        String clientName,
        int marketDataTransmissionInterval) implements DtcMessage {

    public static final int TYPE = MessageType.LOGON_REQUEST;

    private static final LogonRequest DEFAULTS = new LogonRequest(Dtc.CURRENT_PROTOCOL_VERSION, "", "", "", 0, 0, 0, "", "", "", 0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static LogonRequest defaults() {
        return DEFAULTS;
    }

    /** A builder holding {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** A builder holding this message's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** Never shows the password: a logged request must not leak it. */
    @Override
    public String toString() {
        return "LogonRequest[protocolVersion=" + protocolVersion + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "(" + password.length() + " characters)") + ", heartbeatIntervalInSeconds="
                + heartbeatIntervalInSeconds + ", tradeAccount=" + tradeAccount + ", clientName=" + clientName + "]";
    }

    /** Mutable builder for {@link LogonRequest}; every setter returns {@code this}. */
    public static final class Builder {
        private int protocolVersion;
        private String username;
        private String password;
        private String generalTextData;
        private int integer_1;
        private int integer_2;
        private int heartbeatIntervalInSeconds;
        private String tradeAccount;
        private String hardwareIdentifier;
        private String clientName;
        private int marketDataTransmissionInterval;

        private Builder(LogonRequest m) {
            protocolVersion = m.protocolVersion;
            username = m.username;
            password = m.password;
            generalTextData = m.generalTextData;
            integer_1 = m.integer_1;
            integer_2 = m.integer_2;
            heartbeatIntervalInSeconds = m.heartbeatIntervalInSeconds;
            tradeAccount = m.tradeAccount;
            hardwareIdentifier = m.hardwareIdentifier;
            clientName = m.clientName;
            marketDataTransmissionInterval = m.marketDataTransmissionInterval;
        }

        public Builder protocolVersion(int protocolVersion) {
            this.protocolVersion = protocolVersion;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder generalTextData(String generalTextData) {
            this.generalTextData = generalTextData;
            return this;
        }

        public Builder integer_1(int integer_1) {
            this.integer_1 = integer_1;
            return this;
        }

        public Builder integer_2(int integer_2) {
            this.integer_2 = integer_2;
            return this;
        }

        public Builder heartbeatIntervalInSeconds(int heartbeatIntervalInSeconds) {
            this.heartbeatIntervalInSeconds = heartbeatIntervalInSeconds;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder hardwareIdentifier(String hardwareIdentifier) {
            this.hardwareIdentifier = hardwareIdentifier;
            return this;
        }

        public Builder clientName(String clientName) {
            this.clientName = clientName;
            return this;
        }

        public Builder marketDataTransmissionInterval(int marketDataTransmissionInterval) {
            this.marketDataTransmissionInterval = marketDataTransmissionInterval;
            return this;
        }

        public LogonRequest build() {
            return new LogonRequest(protocolVersion, username, password, generalTextData, integer_1, integer_2, heartbeatIntervalInSeconds, tradeAccount, hardwareIdentifier, clientName, marketDataTransmissionInterval);
        }
    }
}
