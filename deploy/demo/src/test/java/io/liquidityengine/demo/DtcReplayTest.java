package io.liquidityengine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DtcReplayTest {

    @Test
    void theEsContractTradingOnADateRollsAfterTheThirdFridayOfTheQuarterMonth() {
        assertThat(DtcReplay.esContract(LocalDate.of(2024, 12, 5))).isEqualTo("ESZ4");
        assertThat(DtcReplay.esContract(LocalDate.of(2024, 10, 1))).isEqualTo("ESZ4");
        assertThat(DtcReplay.esContract(LocalDate.of(2024, 12, 20))).isEqualTo("ESZ4"); // expiry day
        assertThat(DtcReplay.esContract(LocalDate.of(2024, 12, 23))).isEqualTo("ESH5");
        assertThat(DtcReplay.esContract(LocalDate.of(2025, 1, 15))).isEqualTo("ESH5");
        assertThat(DtcReplay.esContract(LocalDate.of(2025, 3, 21))).isEqualTo("ESH5");
        assertThat(DtcReplay.esContract(LocalDate.of(2025, 3, 22))).isEqualTo("ESM5");
        assertThat(DtcReplay.esContract(LocalDate.of(2025, 9, 1))).isEqualTo("ESU5");
    }
}
