package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.position.OrderRole;
import io.liquidityengine.topology.domain.position.OrderInstruction;
import io.liquidityengine.topology.domain.strategy.PlanSide;
import io.liquidityengine.topology.domain.strategy.PlanStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.liquidityengine.topology.domain.risk.RiskFixtures.ACC;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.ES;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.at;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.fill;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.longPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountRiskCodecTest {

    private static final long T = at("10:30");

    private static AccountRisk busyAccount() {
        AccountRisk risk = new AccountRisk(ACC, RiskConfig.DEFAULTS);
        risk.onPlan(longPlan("P1", T), ES, T);
        risk.onExecution(fill("P1", OrderRole.ENTRY, null, 5000.00, 3, T + 1), ES);
        risk.onExecution(fill("P1", OrderRole.TARGET, "L1", 5006.00, 1, T + 2), ES);
        risk.onPlan(RiskFixtures.plan("P2", 0, PlanStatus.NEW, "NQH4",
                PlanSide.SELL, T + 3, 5000.00, 5006.00, 4994.00, 4990.00,
                4986.00), InstrumentTerms.es("NQH4"), T + 3);
        risk.onCommand(new ControlCommand("c1", ACC, CommandType.HALT, "ESM4", T + 4, "ops", ""));
        return risk;
    }

    @Test
    void shouldRoundTripEveryFieldToIdenticalBytes() {
        AccountRisk original = busyAccount();

        byte[] bytes = AccountRiskCodec.encode(original);
        AccountRisk restored = AccountRiskCodec.decode(bytes, RiskConfig.DEFAULTS);

        assertThat(AccountRiskCodec.encode(restored)).isEqualTo(bytes);
        assertThat(restored.dailyPnl()).isEqualByComparingTo("300.00");
        assertThat(restored.tradingDay()).isEqualTo(original.tradingDay());
        assertThat(restored.latestEventMicros()).isEqualTo(T + 4);
        assertThat(restored.haltedInstruments()).containsExactly("ESM4");
        assertThat(restored.tradedToday()).containsExactly("ESH4");
        assertThat(restored.brackets().keySet()).containsExactly("acc:P1", "acc:P2");
        assertThat(restored.bracket("acc:P1").ledger().averageEntryTicks()).isEqualByComparingTo(new BigDecimal("20000"));
        assertThat(restored.bracket("acc:P1").appliedReports()).isEqualTo(original.bracket("acc:P1").appliedReports());
    }

    @Test
    void shouldContinueExactlyAsTheOriginalAfterRestore() {
        AccountRisk original = busyAccount();
        AccountRisk restored = AccountRiskCodec.decode(AccountRiskCodec.encode(original), RiskConfig.DEFAULTS);

        List<OrderInstruction> a = original.onTime(at("15:55"), List.of(ES, InstrumentTerms.es("NQH4")));
        List<OrderInstruction> b = restored.onTime(at("15:55"), List.of(ES, InstrumentTerms.es("NQH4")));

        assertThat(b).isEqualTo(a);
        assertThat(a).extracting(OrderInstruction::clientOrderId).containsExactly("acc:P1:2:FLATTEN", "acc:P2:1:CANCEL");
        assertThat(AccountRiskCodec.encode(restored)).isEqualTo(AccountRiskCodec.encode(original));
    }

    @Test
    void shouldRejectAnUnknownVersion() {
        byte[] bytes = AccountRiskCodec.encode(new AccountRisk(ACC, RiskConfig.DEFAULTS));
        bytes[0] = 9;

        assertThatThrownBy(() -> AccountRiskCodec.decode(bytes, RiskConfig.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 9");
    }
}
