package io.liquidityengine.execution.paper;

import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerFactory;
import io.liquidityengine.execution.broker.BrokerSettings;
import java.math.BigDecimal;
import java.util.Set;

/**
 * {@code broker=paper}. Settings: {@code slippage-ticks} (default 0), {@code commission-per-contract}
 * (default 0), {@code limit-fill} ({@code THROUGH} or {@code TOUCH}, default {@code THROUGH}); any other
 * key is an error.
 */
public final class PaperBrokerFactory implements BrokerFactory {

    public static final String NAME = "paper";
    public static final String SLIPPAGE_TICKS = "slippage-ticks";
    public static final String COMMISSION_PER_CONTRACT = "commission-per-contract";
    public static final String LIMIT_FILL = "limit-fill";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PaperBroker create(BrokerContext context) {
        return new PaperBroker(config(context.settings()), context.listener());
    }

    @Override
    public String describe(BrokerSettings settings) {
        PaperBroker.Config c = config(settings);
        return "paper broker: slippage " + c.slippageTicks() + " ticks, commission " + c.commissionPerContract().toPlainString()
                + " per contract, limits fill " + c.limitFill();
    }

    /** The fill model from settings. */
    public static PaperBroker.Config config(BrokerSettings settings) {
        settings.allowOnly(Set.of(SLIPPAGE_TICKS, COMMISSION_PER_CONTRACT, LIMIT_FILL));
        int slippage = settings.getInt(SLIPPAGE_TICKS, 0);
        BigDecimal commission = settings.getDecimal(COMMISSION_PER_CONTRACT, BigDecimal.ZERO);
        PaperBroker.LimitFill limitFill = settings.getEnum(LIMIT_FILL, PaperBroker.LimitFill.class, PaperBroker.LimitFill.THROUGH);
        try {
            return new PaperBroker.Config(slippage, commission, limitFill);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (" + settings.origin() + ")", e);
        }
    }

    /** Every account through a paper broker with {@code config} (tests, tools). */
    public static AccountBrokers everyAccount(PaperBroker.Config config) {
        return AccountBrokers.every(BrokerFactory.of(NAME, c -> new PaperBroker(config, c.listener())), BrokerSettings.empty());
    }
}
