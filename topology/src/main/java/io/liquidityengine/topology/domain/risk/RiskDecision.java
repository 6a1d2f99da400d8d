package io.liquidityengine.topology.domain.risk;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The verdict on one plan event for one account (mirrors risk RiskDecision).
 *
 * @param decisionId {@code <account>:<planId>:<revision>}
 * @param quantity   approved contracts; 0 when rejected or for a cancellation
 * @param numbers    the numbers behind the decision, named with their unit in the name or the docs
 *                   ({@code riskPerTrade} currency, {@code stopTicks} ticks, {@code dailyPnl} currency, ...), sorted
 * @param message    one human readable line
 */
public record RiskDecision(String decisionId, String account, String planId, int planRevision, String instrument,
                           long eventMicros, DecisionStatus status, ReasonCode reason, int quantity,
                           SortedMap<String, BigDecimal> numbers, String message) {

    public RiskDecision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        numbers = Collections.unmodifiableSortedMap(new TreeMap<>(numbers));
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must be >= 0");
        }
    }

    public boolean approved() {
        return status == DecisionStatus.APPROVED;
    }

    /** A named number; throws when absent. */
    public BigDecimal number(String name) {
        BigDecimal value = numbers.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no number '" + name + "' in " + numbers.keySet());
        }
        return value;
    }
}
