package io.liquidityengine.execution.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.broker.BrokerRegistry;
import io.liquidityengine.execution.paper.PaperBroker;
import io.liquidityengine.execution.paper.PaperBrokerFactory;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConfigurationTest {

    private static final Map<String, String> PROPERTIES = Map.of(
            "execution.sink-id", "paper",
            "execution.accounts", "ACC-1,ACC-2,ACC-3",
            "execution.paper.slippage-ticks", "1",
            "execution.paper.commission-per-contract", "2.25",
            "execution.brokers.paper.commission-per-contract", "1.50",
            "execution.accounts.ACC-2.broker", "paper",
            "execution.accounts.ACC-2.limit-fill", "touch",
            "execution.accounts.ACC-3.broker", "dtc",
            "execution.brokers.dtc.host", "127.0.0.1");

    @Test
    void shouldLayerLegacyBrokerAndAccountKeys() {
        BrokerConfiguration config = new BrokerConfiguration(PROPERTIES, "paper");

        AccountBrokers.Choice acc1 = config.apply("ACC-1");
        assertThat(acc1.broker()).isEqualTo("paper");
        assertThat(PaperBrokerFactory.config(acc1.settings())).isEqualTo(new PaperBroker.Config(1, new BigDecimal("1.50"), PaperBroker.LimitFill.THROUGH));
        assertThat(PaperBrokerFactory.config(config.apply("ACC-2").settings()))
                .isEqualTo(new PaperBroker.Config(1, new BigDecimal("1.50"), PaperBroker.LimitFill.TOUCH));
        AccountBrokers.Choice acc3 = config.apply("ACC-3");
        assertThat(acc3.broker()).isEqualTo("dtc");
        assertThat(acc3.settings().keys()).containsExactly("host");
        assertThat(acc3.settings().find("host")).contains("127.0.0.1");
    }

    @Test
    void shouldUseTheDefaultBrokerForAccountsWithoutOne() {
        assertThat(new BrokerConfiguration(PROPERTIES, "dtc").apply("ACC-1").broker()).isEqualTo("dtc");
        assertThat(new BrokerConfiguration(Map.of(), "paper").apply("ANY").settings().keys()).isEmpty();
    }

    @Test
    void shouldDescribeTheBrokerAndRejectMisspeltOrInvalidKeys() {
        AccountBrokers brokers = new AccountBrokers(new BrokerRegistry(java.util.List.of(new PaperBrokerFactory())),
                new BrokerConfiguration(Map.of("execution.paper.slippage-ticks", "1", "execution.accounts.A.slipage-ticks", "2",
                        "execution.accounts.B.slippage-ticks", "two", "execution.accounts.D.broker", "dtc"), "paper"));

        assertThat(brokers.describe("OK")).isEqualTo("paper broker: slippage 1 ticks, commission 0 per contract, limits fill THROUGH");
        assertThatThrownBy(() -> brokers.describe("A")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown broker settings [slipage-ticks] (execution.paper.*, then execution.brokers.paper.*, then "
                        + "execution.accounts.A.*); known: [commission-per-contract, limit-fill, slippage-ticks]");
        assertThatThrownBy(() -> brokers.describe("B")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slippage-ticks must be a whole number, was 'two' (execution.paper.*, then execution.brokers.paper.*, then "
                        + "execution.accounts.B.*)");
        assertThatThrownBy(() -> brokers.describe("D")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no broker named 'dtc' (known: paper)");
    }

    @Test
    void shouldFindThePaperDtcAndBinanceBrokersOnTheClassPath() {
        assertThat(BrokerRegistry.load().names()).containsExactlyInAnyOrder("paper", "dtc", "binance");
        assertThat(BrokerRegistry.load().factory("binance")).isInstanceOf(io.liquidityengine.execution.binance.BinanceBrokerFactory.class);
        assertThat(BrokerRegistry.load().factory("paper")).isInstanceOf(PaperBrokerFactory.class);
        assertThat(BrokerRegistry.load().factory("dtc")).isInstanceOf(io.liquidityengine.execution.dtc.DtcBrokerFactory.class);
    }

    @Test
    void shouldRejectExecutionKeysNobodyReads() {
        new BrokerConfiguration(PROPERTIES, "paper").checkKeys();
        BrokerConfiguration typo = new BrokerConfiguration(Map.of("execution.max-record-per-transaction", "10", "execution.lockstep", "true"), "paper");

        assertThatThrownBy(typo::checkKeys).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown configuration keys [execution.max-record-per-transaction]; the sink reads");
    }
}
