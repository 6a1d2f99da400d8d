package io.liquidityengine.execution.metrics;

import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Positions and realized P&L per account, from the positions the sink has committed on
 * exec.positions (read from the beginning, so a restarted sink reports the same numbers):
 * <pre>
 * execution_open_positions{account}                 positions whose last state is OPEN
 * execution_realized_pnl{account,currency}          realized P&L of every position on the topic, before commission, currency units
 * execution_commission{account,currency}            commission of those positions, currency units
 * </pre>
 * With {@code execution_fills_total{role}}, {@code execution_orders_total{outcome}},
 * {@code execution_dead_letters_total{reason}} and {@code execution_transactions_total} counted where they happen.
 * Money is summed as BigDecimal; only the gauge's reading is a double. With {@code accounts} empty every
 * account on the topic is reported, else only those (a sink executes its own accounts).
 */
public final class PositionMeters {

    private record Money(String account, String currency) {
    }

    private final MeterRegistry registry;
    private final Set<String> accounts;
    /** Last state per position id (its realized P&L and commission so far). */
    private final Map<String, Position> last = new HashMap<>();
    private final Map<String, Set<String>> openByAccount = new HashMap<>();
    private final Map<String, double[]> open = new ConcurrentHashMap<>();
    private final Map<Money, double[]> pnl = new ConcurrentHashMap<>();
    private final Map<Money, double[]> commission = new ConcurrentHashMap<>();
    private final Map<Money, BigDecimal[]> sums = new HashMap<>();

    public PositionMeters(MeterRegistry registry, Set<String> accounts) {
        this.registry = registry;
        this.accounts = Set.copyOf(accounts);
        accounts.forEach(this::openGauge);
    }

    public synchronized void position(Position position) {
        String account = position.getAccount();
        if (!accounts.isEmpty() && !accounts.contains(account)) {
            return;
        }
        Position previous = last.put(position.getPositionId(), position);
        Money key = new Money(account, position.getCurrency());
        BigDecimal[] sum = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        // each record carries the position's totals so far: add the change since its previous record
        sum[0] = sum[0].add(position.getRealizedPnl()).subtract(previous == null ? BigDecimal.ZERO : previous.getRealizedPnl());
        sum[1] = sum[1].add(position.getCommission()).subtract(previous == null ? BigDecimal.ZERO : previous.getCommission());
        Set<String> openIds = openByAccount.computeIfAbsent(account, a -> new HashSet<>());
        if (position.getStatus() == PositionStatus.OPEN) {
            openIds.add(position.getPositionId());
        } else {
            openIds.remove(position.getPositionId());
        }
        gauge(pnl, "execution.realized.pnl", "realized P&L of the account's positions before commission, currency units", key)[0] =
                sum[0].doubleValue();
        gauge(commission, "execution.commission", "commission paid on the account's positions, currency units", key)[0] =
                sum[1].doubleValue();
        openGauge(account)[0] = openIds.size();
    }

    private double[] openGauge(String account) {
        return open.computeIfAbsent(account, a -> {
            double[] value = new double[1];
            Gauge.builder("execution.open.positions", value, v -> v[0]).description("open positions of the account")
                    .tag("account", a).register(registry);
            return value;
        });
    }

    private double[] gauge(Map<Money, double[]> values, String name, String description, Money key) {
        return values.computeIfAbsent(key, k -> {
            double[] value = new double[1];
            Gauge.builder(name, value, v -> v[0]).description(description).tag("account", k.account()).tag("currency", k.currency())
                    .register(registry);
            return value;
        });
    }
}
