package io.liquidityengine.execution.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PositionMetersTest {

    private static final Instant T = Instant.parse("2024-12-05T15:30:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldSumRealizedPnlAndCommissionOverEachPositionsLastStateAndCountOpenPositions() {
        PositionMeters meters = new PositionMeters(registry, Set.of());
        meters.position(position("paper", "B1", PositionStatus.OPEN, "0", "6.75"));
        meters.position(position("paper", "B2", PositionStatus.OPEN, "0", "2.25"));
        assertThat(value("execution.open.positions", "paper")).isEqualTo(2.0);
        // B1: first target fills (+100), then the rest at the stop (-37.50 in all: +100 - 137.50)
        meters.position(position("paper", "B1", PositionStatus.OPEN, "100.000000", "9.00"));
        meters.position(position("paper", "B1", PositionStatus.CLOSED, "-37.500000", "13.50"));
        meters.position(position("other", "B9", PositionStatus.CLOSED, "50", "2.25"));

        assertThat(value("execution.open.positions", "paper")).isEqualTo(1.0);
        assertThat(registry.get("execution.realized.pnl").tags("account", "paper", "currency", "USD").gauge().value()).isEqualTo(-37.5);
        assertThat(registry.get("execution.commission").tags("account", "paper", "currency", "USD").gauge().value()).isEqualTo(15.75);
        assertThat(registry.get("execution.realized.pnl").tags("account", "other").gauge().value()).isEqualTo(50.0);
    }

    @Test
    void shouldReportOnlyTheSinksAccountsWhenConfiguredAndStartThemAtZero() {
        PositionMeters meters = new PositionMeters(registry, Set.of("paper"));
        assertThat(value("execution.open.positions", "paper")).isEqualTo(0.0);
        meters.position(position("other", "B9", PositionStatus.OPEN, "0", "2.25"));
        assertThat(registry.find("execution.open.positions").tag("account", "other").gauge()).isNull();
        assertThat(registry.find("execution.realized.pnl").gauges()).isEmpty();
    }

    private double value(String name, String account) {
        return registry.get(name).tag("account", account).gauge().value();
    }

    private static Position position(String account, String id, PositionStatus status, String pnl, String commission) {
        return Position.newBuilder().setPositionId(id).setAccount(account).setInstrument("ES").setStatus(status).setSide(Side.BUY)
                .setQuantity(status == PositionStatus.OPEN ? 3 : 0).setAverageEntryPrice(6000.25).setRealizedTicks(0)
                .setRealizedPnl(new BigDecimal(pnl).setScale(6)).setCommission(new BigDecimal(commission).setScale(6)).setCurrency("USD")
                .setOpenedTime(T).setEventTime(T).build();
    }
}
