package io.liquidityengine.notifier.message;

import io.liquidityengine.notifier.message.Embed.Field;
import io.liquidityengine.notifier.message.Notification.Kind;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.risk.DecisionStatus;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import io.liquidityengine.schemas.signals.PlanSide;
import io.liquidityengine.schemas.signals.PlanStatus;
import io.liquidityengine.schemas.signals.TradePlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The notifications, as plain functions of the records. Only record fields are read (times are the
 * records' event times, never the wall clock), so replaying a topic builds the same messages.
 */
public final class Messages {

    public static final int GREEN = 0x2ECC71;
    public static final int RED = 0xE74C3C;
    public static final int WHITE = 0xFFFFFF;
    public static final int GREY = 0x95A5A6;
    public static final int ORANGE = 0xE67E22;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String NONE = "–";

    private Messages() {
    }

    /** A bias flip: old and new bias, the bar's close and its time. Empty when the record is not a flip. */
    public static Optional<Notification> biasFlip(Bias b) {
        if (!b.getFlip()) {
            return Optional.empty();
        }
        return Optional.of(Notification.text(Kind.BIAS_FLIP, String.format(Locale.ROOT, "**%s** bias flip %s → %s at %s (%s)",
                b.getInstrument(), b.getPreviousBias(), b.getBias(), price(b.getClose()), time(b.getEventTime()))));
    }

    /**
     * The status embed, coloured by bias. {@code openPosition} and {@code activePlan} may be null;
     * {@code baseBarSeconds} turns the bias's bar count since the last extended bar into seconds.
     */
    public static Notification status(Bias b, Position openPosition, TradePlan activePlan, int baseBarSeconds) {
        return status(b, openPosition, activePlan, baseBarSeconds, null);
    }

    /**
     * The status embed with the bars' Avg study ({@code avg}, the value of the latest bar carrying it up to
     * the bias's time; null when the bars carry none: no Avg field).
     */
    public static Notification status(Bias b, Position openPosition, TradePlan activePlan, int baseBarSeconds, Double avg) {
        List<Double> targets = b.getBias() == BiasValue.LONG ? b.getLongTargets()
                : b.getBias() == BiasValue.SHORT ? b.getShortTargets() : List.of();
        List<Field> fields = new ArrayList<>(List.of(
                new Field("Bias", b.getBias().name(), true),
                new Field("Liquidity side", side(b.getLiquiditySide()), true),
                new Field("Trend", b.getTrend().name(), true),
                new Field("Delta", b.getDeltaPosition().name(), true),
                new Field("ROC15", percent(b.getRoc15()), true),
                new Field("Slope", percent(b.getSlope()), true),
                new Field("T1", targets.size() > 0 ? price(targets.get(0)) : NONE, true),
                new Field("T2", targets.size() > 1 ? price(targets.get(1)) : NONE, true),
                new Field("Stop", activePlan == null || activePlan.getStatus() == PlanStatus.CANCELLED ? NONE : price(activePlan.getStopPrice()), true),
                new Field("Position", position(openPosition), true),
                new Field("RSI", b.getRsi() == null ? NONE : String.format(Locale.ROOT, "%.1f", b.getRsi()), true),
                new Field("Since extension", b.getExtended() ? "extended" : (long) b.getNormalActionBars() * baseBarSeconds + " s", true)));
        if (avg != null) {
            fields.add(2, new Field("Avg", String.format(Locale.ROOT, "%.2f", avg), true));
        }
        int color = b.getBias() == BiasValue.LONG ? GREEN : b.getBias() == BiasValue.SHORT ? RED : WHITE;
        return Notification.embed(Kind.STATUS, new Embed(b.getInstrument() + " status " + price(b.getClose()), null, color, fields,
                null, iso(b.getEventTime())));
    }

    /** A plan event: NEW, AMENDED or CANCELLED with entry, stop, targets, quantity and reason. */
    public static Notification plan(TradePlan p) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Entry", price(p.getEntryPrice()), true));
        fields.add(new Field("Stop", price(p.getStopPrice()), true));
        fields.add(new Field("Targets", p.getLegs().isEmpty() ? NONE : p.getLegs().stream()
                .map(l -> "T" + l.getLeg() + " " + price(l.getTargetPrice()) + " ×" + l.getWeight())
                .collect(Collectors.joining(", ")), false));
        fields.add(new Field("Quantity", String.valueOf(p.getTotalQuantity()), true));
        fields.add(new Field("Reward/risk", String.format(Locale.ROOT, "%.2f", p.getRewardRisk()), true));
        fields.add(new Field("Strategy", p.getStrategyId(), true));
        if (p.getReason() != null && !p.getReason().isEmpty()) {
            fields.add(new Field("Reason", p.getReason(), false));
        }
        int color = p.getStatus() == PlanStatus.CANCELLED ? GREY : p.getSide() == PlanSide.BUY ? GREEN : RED;
        String title = String.format(Locale.ROOT, "%s plan %s: %s %s", p.getInstrument(), p.getStatus(),
                p.getSide() == PlanSide.BUY ? "long" : "short", price(p.getEntryPrice()));
        return Notification.embed(Kind.PLAN, new Embed(title, null, color, fields,
                "plan " + p.getPlanId() + " rev " + p.getRevision(), iso(p.getEventTime())));
    }

    /** A rejected risk decision with its reason code and message. Empty for an approval. */
    public static Optional<Notification> rejected(RiskDecision d) {
        if (d.getStatus() != DecisionStatus.REJECTED) {
            return Optional.empty();
        }
        String message = d.getMessage() == null || d.getMessage().isEmpty() ? "" : ": " + d.getMessage();
        return Optional.of(Notification.text(Kind.REJECTED_DECISION, String.format(Locale.ROOT,
                "%s rejected %s plan %s rev %d: %s%s (%s)", d.getAccount(), d.getInstrument(), d.getPlanId(),
                d.getPlanRevision(), d.getReason(), message, time(d.getEventTime()))));
    }

    /** A fill or partial fill: the quantity change (+ bought, - sold), price and which order. Empty for other reports. */
    public static Optional<Notification> fill(ExecutionReport r) {
        if (r.getExecType() != ExecType.FILLED && r.getExecType() != ExecType.PARTIALLY_FILLED) {
            return Optional.empty();
        }
        String change = (r.getSide() == Side.BUY ? "+" : "-") + quantity(r.getFillQuantity());
        String leg = r.getLegId() == null ? "" : " leg " + r.getLegId();
        String partial = r.getExecType() == ExecType.PARTIALLY_FILLED ? " (partial)" : "";
        return Optional.of(Notification.text(Kind.FILL, String.format(Locale.ROOT, "%s %s fill %s @ %s%s, %s of bracket %s%s (%s)",
                r.getAccount(), r.getInstrument(), change, r.getFillPrice() == null ? NONE : price(r.getFillPrice()), partial,
                r.getRole(), r.getBracketId(), leg, time(r.getEventTime()))));
    }

    /** A closed position with realized ticks, P&L, commission and net. Empty while the position is open. */
    public static Optional<Notification> closed(Position p) {
        if (p.getStatus() != PositionStatus.CLOSED) {
            return Optional.empty();
        }
        BigDecimal net = p.getRealizedPnl().subtract(p.getCommission());
        return Optional.of(Notification.text(Kind.POSITION_CLOSED, String.format(Locale.ROOT,
                "%s %s %s closed: %+d ticks, P&L %s %s, commission %s, net %s %s (entry avg %s, opened %s, closed %s)",
                p.getAccount(), p.getInstrument(), p.getSide() == Side.BUY ? "long" : "short", p.getRealizedTicks(),
                money(p.getRealizedPnl()), p.getCurrency(), money(p.getCommission()), money(net), p.getCurrency(),
                price(p.getAverageEntryPrice()), time(p.getOpenedTime()), time(p.getEventTime()))));
    }

    /** A dead-letter alert: topic, reason, source, where, detail. */
    public static Notification deadLetter(String topic, DeadLetter d) {
        String when = d.getEventTime() == null ? "" : " (" + time(d.getEventTime()) + ")";
        return Notification.text(Kind.DEAD_LETTER, String.format(Locale.ROOT, "Dead letter on %s: %s from %s at %s %s %d: %s%s",
                topic, d.getReason(), d.getSource(), d.getOrigin(), d.getPositionKind(), d.getPosition(), d.getDetail(), when));
    }

    static String position(Position p) {
        if (p == null || p.getStatus() != PositionStatus.OPEN) {
            return "flat";
        }
        return (p.getSide() == Side.BUY ? "long " : "short ") + quantity(p.getQuantity()) + " @ " + price(p.getAverageEntryPrice());
    }

    static String side(int liquiditySide) {
        return liquiditySide > 0 ? "above" : liquiditySide < 0 ? "below" : NONE;
    }

    /** A price without trailing zeros: 6000.25, 6000.5, 6000. */
    public static String price(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }

    static String quantity(double v) {
        return price(v);
    }

    static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String percent(Double ratio) {
        return ratio == null ? NONE : String.format(Locale.ROOT, "%+.2f %%", ratio * 100);
    }

    public static String time(Instant t) {
        return TIME.format(t);
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

}
