package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_AccountBalanceUpdate}: type 600 ({@link MessageType#ACCOUNT_BALANCE_UPDATE}), 368 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId                            {@code RequestID}, int32
 * @param cashBalance                          {@code CashBalance}, double
 * @param balanceAvailableForNewPositions      {@code BalanceAvailableForNewPositions}, double
 * @param accountCurrency                      {@code AccountCurrency}, char[8], at most 7 bytes of UTF-8
 * @param tradeAccount                         {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 * @param securitiesValue                      {@code SecuritiesValue}, double
 * @param marginRequirement                    {@code MarginRequirement}, double
 * @param totalNumberMessages                  {@code TotalNumberMessages}, int32
 * @param messageNumber                        {@code MessageNumber}, int32
 * @param noAccountBalances                    {@code NoAccountBalances}, uint8
 * @param unsolicited                          {@code Unsolicited}, uint8
 * @param openPositionsProfitLoss              {@code OpenPositionsProfitLoss}, double
 * @param dailyProfitLoss                      {@code DailyProfitLoss}, double
 * @param infoText                             {@code InfoText}, char[96], at most 95 bytes of UTF-8
 * @param transactionIdentifier                {@code TransactionIdentifier}, uint64 (bits in a long)
 * @param dailyNetLossLimit                    {@code DailyNetLossLimit}, double
 * @param trailingAccountValueToLimitPositions {@code TrailingAccountValueToLimitPositions}, double
 * @param dailyNetLossLimitReached             {@code DailyNetLossLimitReached}, uint8
 * @param isUnderRequiredMargin                {@code IsUnderRequiredMargin}, uint8
 * @param closePositionsAtEndOfDay             {@code ClosePositionsAtEndOfDay}, uint8
 * @param tradingIsDisabled                    {@code TradingIsDisabled}, uint8
 * @param description                          {@code Description}, char[96], at most 95 bytes of UTF-8
 * @param isUnderRequiredAccountValue          {@code IsUnderRequiredAccountValue}, uint8
 * @param transactionDateTime                  {@code TransactionDateTime}, UNIX time in microseconds (int64)
 * @param marginRequirementFull                {@code MarginRequirementFull}, double
 * @param marginRequirementFullPositionsOnly   {@code MarginRequirementFullPositionsOnly}, double
 * @param peakMarginRequirement                {@code PeakMarginRequirement}, double
 */
public record AccountBalanceUpdate(
        int requestId,
        double cashBalance,
        double balanceAvailableForNewPositions,
        String accountCurrency,
        String tradeAccount,
        double securitiesValue,
        double marginRequirement,
        int totalNumberMessages,
        int messageNumber,
        int noAccountBalances,
        int unsolicited,
        double openPositionsProfitLoss,
        double dailyProfitLoss,
        String infoText,
        long transactionIdentifier,
        double dailyNetLossLimit,
        double trailingAccountValueToLimitPositions,
        int dailyNetLossLimitReached,
        int isUnderRequiredMargin,
        int closePositionsAtEndOfDay,
        int tradingIsDisabled,
        String description,
        int isUnderRequiredAccountValue,
        long transactionDateTime,
        double marginRequirementFull,
        double marginRequirementFullPositionsOnly,
        double peakMarginRequirement) implements DtcMessage {

    public static final int TYPE = MessageType.ACCOUNT_BALANCE_UPDATE;

    private static final AccountBalanceUpdate DEFAULTS = new AccountBalanceUpdate(0, 0.0, 0.0, "", "", 0.0, 0.0, 0, 0, 0, 0, 0.0, 0.0, "", 0L, 0.0, 0.0, 0, 0, 0, 0, "", 0, 0L, 0.0, 0.0, 0.0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static AccountBalanceUpdate defaults() {
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

    /** Mutable builder for {@link AccountBalanceUpdate}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private double cashBalance;
        private double balanceAvailableForNewPositions;
        private String accountCurrency;
        private String tradeAccount;
        private double securitiesValue;
        private double marginRequirement;
        private int totalNumberMessages;
        private int messageNumber;
        private int noAccountBalances;
        private int unsolicited;
        private double openPositionsProfitLoss;
        private double dailyProfitLoss;
        private String infoText;
        private long transactionIdentifier;
        private double dailyNetLossLimit;
        private double trailingAccountValueToLimitPositions;
        private int dailyNetLossLimitReached;
        private int isUnderRequiredMargin;
        private int closePositionsAtEndOfDay;
        private int tradingIsDisabled;
        private String description;
        private int isUnderRequiredAccountValue;
        private long transactionDateTime;
        private double marginRequirementFull;
        private double marginRequirementFullPositionsOnly;
        private double peakMarginRequirement;

        private Builder(AccountBalanceUpdate m) {
            requestId = m.requestId;
            cashBalance = m.cashBalance;
            balanceAvailableForNewPositions = m.balanceAvailableForNewPositions;
            accountCurrency = m.accountCurrency;
            tradeAccount = m.tradeAccount;
            securitiesValue = m.securitiesValue;
            marginRequirement = m.marginRequirement;
            totalNumberMessages = m.totalNumberMessages;
            messageNumber = m.messageNumber;
            noAccountBalances = m.noAccountBalances;
            unsolicited = m.unsolicited;
            openPositionsProfitLoss = m.openPositionsProfitLoss;
            dailyProfitLoss = m.dailyProfitLoss;
            infoText = m.infoText;
            transactionIdentifier = m.transactionIdentifier;
            dailyNetLossLimit = m.dailyNetLossLimit;
            trailingAccountValueToLimitPositions = m.trailingAccountValueToLimitPositions;
            dailyNetLossLimitReached = m.dailyNetLossLimitReached;
            isUnderRequiredMargin = m.isUnderRequiredMargin;
            closePositionsAtEndOfDay = m.closePositionsAtEndOfDay;
            tradingIsDisabled = m.tradingIsDisabled;
            description = m.description;
            isUnderRequiredAccountValue = m.isUnderRequiredAccountValue;
            transactionDateTime = m.transactionDateTime;
            marginRequirementFull = m.marginRequirementFull;
            marginRequirementFullPositionsOnly = m.marginRequirementFullPositionsOnly;
            peakMarginRequirement = m.peakMarginRequirement;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder cashBalance(double cashBalance) {
            this.cashBalance = cashBalance;
            return this;
        }

        public Builder balanceAvailableForNewPositions(double balanceAvailableForNewPositions) {
            this.balanceAvailableForNewPositions = balanceAvailableForNewPositions;
            return this;
        }

        public Builder accountCurrency(String accountCurrency) {
            this.accountCurrency = accountCurrency;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder securitiesValue(double securitiesValue) {
            this.securitiesValue = securitiesValue;
            return this;
        }

        public Builder marginRequirement(double marginRequirement) {
            this.marginRequirement = marginRequirement;
            return this;
        }

        public Builder totalNumberMessages(int totalNumberMessages) {
            this.totalNumberMessages = totalNumberMessages;
            return this;
        }

        public Builder messageNumber(int messageNumber) {
            this.messageNumber = messageNumber;
            return this;
        }

        public Builder noAccountBalances(int noAccountBalances) {
            this.noAccountBalances = noAccountBalances;
            return this;
        }

        public Builder unsolicited(int unsolicited) {
            this.unsolicited = unsolicited;
            return this;
        }

        public Builder openPositionsProfitLoss(double openPositionsProfitLoss) {
            this.openPositionsProfitLoss = openPositionsProfitLoss;
            return this;
        }

        public Builder dailyProfitLoss(double dailyProfitLoss) {
            this.dailyProfitLoss = dailyProfitLoss;
            return this;
        }

        public Builder infoText(String infoText) {
            this.infoText = infoText;
            return this;
        }

        public Builder transactionIdentifier(long transactionIdentifier) {
            this.transactionIdentifier = transactionIdentifier;
            return this;
        }

        public Builder dailyNetLossLimit(double dailyNetLossLimit) {
            this.dailyNetLossLimit = dailyNetLossLimit;
            return this;
        }

        public Builder trailingAccountValueToLimitPositions(double trailingAccountValueToLimitPositions) {
            this.trailingAccountValueToLimitPositions = trailingAccountValueToLimitPositions;
            return this;
        }

        public Builder dailyNetLossLimitReached(int dailyNetLossLimitReached) {
            this.dailyNetLossLimitReached = dailyNetLossLimitReached;
            return this;
        }

        public Builder isUnderRequiredMargin(int isUnderRequiredMargin) {
            this.isUnderRequiredMargin = isUnderRequiredMargin;
            return this;
        }

        public Builder closePositionsAtEndOfDay(int closePositionsAtEndOfDay) {
            this.closePositionsAtEndOfDay = closePositionsAtEndOfDay;
            return this;
        }

        public Builder tradingIsDisabled(int tradingIsDisabled) {
            this.tradingIsDisabled = tradingIsDisabled;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder isUnderRequiredAccountValue(int isUnderRequiredAccountValue) {
            this.isUnderRequiredAccountValue = isUnderRequiredAccountValue;
            return this;
        }

        public Builder transactionDateTime(long transactionDateTime) {
            this.transactionDateTime = transactionDateTime;
            return this;
        }

        public Builder marginRequirementFull(double marginRequirementFull) {
            this.marginRequirementFull = marginRequirementFull;
            return this;
        }

        public Builder marginRequirementFullPositionsOnly(double marginRequirementFullPositionsOnly) {
            this.marginRequirementFullPositionsOnly = marginRequirementFullPositionsOnly;
            return this;
        }

        public Builder peakMarginRequirement(double peakMarginRequirement) {
            this.peakMarginRequirement = peakMarginRequirement;
            return this;
        }

        public AccountBalanceUpdate build() {
            return new AccountBalanceUpdate(requestId, cashBalance, balanceAvailableForNewPositions, accountCurrency, tradeAccount, securitiesValue, marginRequirement, totalNumberMessages, messageNumber, noAccountBalances, unsolicited, openPositionsProfitLoss, dailyProfitLoss, infoText, transactionIdentifier, dailyNetLossLimit, trailingAccountValueToLimitPositions, dailyNetLossLimitReached, isUnderRequiredMargin, closePositionsAtEndOfDay, tradingIsDisabled, description, isUnderRequiredAccountValue, transactionDateTime, marginRequirementFull, marginRequirementFullPositionsOnly, peakMarginRequirement);
        }
    }
}
