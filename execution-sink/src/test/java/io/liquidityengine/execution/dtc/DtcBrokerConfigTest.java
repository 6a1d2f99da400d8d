package io.liquidityengine.execution.dtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.execution.broker.BrokerSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DTC broker's settings: symbol mapping, defaults, misspelt keys, and a start line without credentials. */
class DtcBrokerConfigTest {

    @Test
    void shouldReadTheSettingsAndDescribeThemWithoutCredentials() {
        BrokerSettings settings = new BrokerSettings(Map.of("host", "sierra.example", "port", "11099", "tls", "true",
                "trade-account", "Sim1", "username", "trader", "password-env", "DTC_PASSWORD", "symbol.ES", "ESZ4",
                "exchange.ES", "CME"), "test");
        DtcBrokerConfig config = DtcBrokerConfig.from(settings);

        assertThat(config.symbol("ES")).isEqualTo("ESZ4");
        assertThat(config.exchange("ES")).isEqualTo("CME");
        assertThat(config.symbol("NQ")).isEqualTo("NQ");
        assertThat(config.exchange("NQ")).isEmpty();
        assertThat(config.heartbeat().toSeconds()).isEqualTo(10);
        assertThat(config.matchingClock()).isEqualTo(DtcBrokerConfig.MatchingClock.VENUE);
        assertThat(config.commissionPerContract()).isEqualByComparingTo("0");
        assertThat(new DtcBrokerFactory().describe(settings))
                .isEqualTo("dtc broker: dtcs://sierra.example:11099, trade account Sim1, user trader, symbols {ES=ESZ4}");
    }

    @Test
    void shouldReadTheReplaySettings() {
        BrokerSettings settings = new BrokerSettings(Map.of("host", "127.0.0.1", "port", "11099", "trade-account", "Sim1",
                "matching-clock", "sink", "commission-per-contract", "2.25"), "test");
        DtcBrokerConfig config = DtcBrokerConfig.from(settings);

        assertThat(config.matchingClock()).isEqualTo(DtcBrokerConfig.MatchingClock.SINK);
        assertThat(config.commissionPerContract()).isEqualByComparingTo("2.25");
        assertThat(config.describe()).isEqualTo("dtc broker: dtc://127.0.0.1:11099, trade account Sim1, symbols {},"
                + " matching clock: the sink's, commission 2.25 per contract");
        assertThatThrownBy(() -> DtcBrokerConfig.from(new BrokerSettings(Map.of("host", "h", "port", "1", "trade-account", "Sim1",
                "matching-clock", "server"), "test"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matching-clock");
        assertThatThrownBy(() -> DtcBrokerConfig.from(new BrokerSettings(Map.of("host", "h", "port", "1", "trade-account", "Sim1",
                "commission-per-contract", "-1"), "test"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("commission-per-contract must be >= 0, was -1 (test)");
    }

    @Test
    void shouldRejectMissingAndMisspeltKeys() {
        assertThatThrownBy(() -> DtcBrokerConfig.from(new BrokerSettings(Map.of("host", "h", "port", "1", "trade-acount", "Sim1"), "test")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown broker settings [trade-acount] (test)");
        assertThatThrownBy(() -> DtcBrokerConfig.from(new BrokerSettings(Map.of("host", "h", "trade-account", "Sim1"), "test")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("port must be 1-65535, was missing (test)");
    }
}
