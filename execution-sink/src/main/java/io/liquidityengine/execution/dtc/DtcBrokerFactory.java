package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerFactory;
import io.liquidityengine.execution.broker.BrokerSettings;

/** {@code broker=dtc}: orders to a Sierra Chart (or any DTC) trading service; settings in {@link DtcBrokerConfig}. */
public final class DtcBrokerFactory implements BrokerFactory {

    public static final String NAME = "dtc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DtcBroker create(BrokerContext context) {
        DtcBrokerConfig config = DtcBrokerConfig.from(context.settings());
        DtcCredentials credentials = config.username().isEmpty() && config.passwordFile().isEmpty() && config.passwordEnv().isEmpty()
                ? DtcCredentials.none()
                : DtcCredentials.resolve(config.username(), config.passwordFile(), config.passwordEnv(), System.getenv());
        return new DtcBroker(context, config, credentials);
    }

    @Override
    public String describe(BrokerSettings settings) {
        return DtcBrokerConfig.from(settings).describe();
    }
}
