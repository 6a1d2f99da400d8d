package io.liquidityengine.topology.domain.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.liquidityengine.topology.domain.risk.RiskFixtures.ES;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.at;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.on;
import static org.assertj.core.api.Assertions.assertThat;

class InstrumentTermsTest {

    @Test
    void shouldComputeNotionalPerContractAsPriceTimesTickValueOverTickSize() {
        assertThat(ES.notionalPerContract(5000.25)).isEqualByComparingTo("250012.50");
    }

    @Test
    void shouldAssignEveningEventsToTheNextSessionsTradingDay() {
        assertThat(ES.tradingDay(at("17:59:59"))).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(ES.tradingDay(at("18:00"))).isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(ES.tradingDay(on("2024-03-06", "00:30"))).isEqualTo(LocalDate.of(2024, 3, 6));
    }

    @Test
    void shouldUseTheInstrumentZoneAcrossDaylightSavingTime() {
        long beforeDst = on("2024-03-08", "10:05");
        long afterDst = on("2024-03-11", "10:05");

        assertThat(ES.local(beforeDst).toLocalTime().toString()).isEqualTo("10:05");
        assertThat(ES.local(afterDst).toLocalTime().toString()).isEqualTo("10:05");
        assertThat((afterDst - beforeDst) / 3_600_000_000L).isEqualTo(3 * 24 - 1);
    }
}
