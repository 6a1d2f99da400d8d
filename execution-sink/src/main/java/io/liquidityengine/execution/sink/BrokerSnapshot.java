package io.liquidityengine.execution.sink;

import io.liquidityengine.execution.broker.BrokerState;
import java.util.Objects;

/**
 * One account's broker state in the sink's snapshot: which broker wrote it and its opaque, versioned
 * bytes (base64 in the JSON document). The sink never reads the bytes; on restore it hands them to the
 * account's broker, which must be of the same name.
 */
public record BrokerSnapshot(String account, String broker, int formatVersion, byte[] state) {

    public BrokerSnapshot {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(state, "state");
    }

    static BrokerSnapshot of(String account, String broker, BrokerState state) {
        return new BrokerSnapshot(account, broker, state.formatVersion(), state.bytes());
    }

    BrokerState brokerState() {
        return new BrokerState(formatVersion, state);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrokerSnapshot s && s.account.equals(account) && s.broker.equals(broker) && s.formatVersion == formatVersion
                && java.util.Arrays.equals(s.state, state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, broker, formatVersion, java.util.Arrays.hashCode(state));
    }

    @Override
    public String toString() {
        return "BrokerSnapshot[" + account + " " + broker + " format " + formatVersion + ", " + state.length + " bytes]";
    }
}
