package io.liquidityengine.execution.binance;

import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerFactory;
import io.liquidityengine.execution.broker.BrokerSettings;
import java.util.Map;

/** {@code broker=binance}: orders to Binance spot over its REST API and user data stream; settings in {@link BinanceBrokerConfig}. */
public final class BinanceBrokerFactory implements BrokerFactory {

    public static final String NAME = "binance";

    private final Map<String, String> env;
    private final BinanceRest.Pause pause;

    public BinanceBrokerFactory() {
        this(System.getenv(), d -> Thread.sleep(d.toMillis()));
    }

    /** With the environment the credentials are read from and the way waits are made (tests). */
    BinanceBrokerFactory(Map<String, String> env, BinanceRest.Pause pause) {
        this.env = env;
        this.pause = pause;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BinanceBroker create(BrokerContext context) {
        BinanceBrokerConfig config = BinanceBrokerConfig.from(context.settings());
        return new BinanceBroker(context, config, new BinanceRest(config, config.credentials(env), pause));
    }

    @Override
    public String describe(BrokerSettings settings) {
        return BinanceBrokerConfig.from(settings).describe();
    }
}
