package io.liquidityengine.topology.domain.strategy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A declarative strategy: a long and/or short rule tree on a named timeframe, and how to turn a
 * firing rule into a plan. JSON form (see {@code strategies/ema-cross-patterns.json}):
 * <pre>
 * {"timeframe": "1m",
 *  "long":  {"all": [{"crossesAbove": [{"ema": 9}, {"ema": 21}]}, {"compare": [{"rsi": 14}, "<", 70]}]},
 *  "short": {"any": [{"pattern": "bearish_engulfing"}, {"not": {"compare": ["close", ">", {"ema": 50}]}}]},
 *  "plan":  {"stopPoints": 4.0, "targetsR": [1, 2, 3], "weights": [1, 2, 1], "validBars": 3}}
 * </pre>
 * Nodes: {@code all}, {@code any} (arrays), {@code not} (a node), {@code compare} ([left, op, right],
 * op one of &lt; &lt;= &gt; &gt;= ==), {@code crossesAbove} / {@code crossesBelow} ([left, right]),
 * {@code pattern} (bullish_engulfing, bearish_engulfing, hammer, shooting_star). Operands: a number,
 * a bar field ("open", "high", "low", "close", "volume"), or an indicator ({"ema": n}, {"rsi": n},
 * {"atr": n}). Timeframes: a number with s, m or h ("5s", "1m", "15m", "1h").
 *
 * @param timeframeSeconds bar length the rules are evaluated on
 * @param longRule         null when the strategy never goes long
 * @param shortRule        null when it never goes short
 * @param stopPoints       stop distance from the entry (the bar's close), price points
 * @param targetsR         leg targets as multiples of the risk (entry - stop)
 * @param weights          leg weights (contracts)
 * @param validBars        a plan is cancelled after this many timeframe bars without its rule firing
 */
public record RuleSpec(int timeframeSeconds, RuleNode longRule, RuleNode shortRule, double stopPoints,
                       double[] targetsR, int[] weights, int validBars) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RuleSpec {
        if (timeframeSeconds < 1) {
            throw new IllegalArgumentException("timeframe must be at least 1 s");
        }
        if (longRule == null && shortRule == null) {
            throw new IllegalArgumentException("a rule strategy needs a 'long' or a 'short' rule");
        }
        if (!(stopPoints > 0) || Double.isInfinite(stopPoints)) {
            throw new IllegalArgumentException("stopPoints must be positive, was " + stopPoints);
        }
        if (targetsR.length == 0 || targetsR.length != weights.length) {
            throw new IllegalArgumentException("targetsR and weights must be non-empty and of equal length");
        }
        for (int i = 0; i < targetsR.length; i++) {
            if (!(targetsR[i] > 0) || Double.isInfinite(targetsR[i]) || weights[i] < 1) {
                throw new IllegalArgumentException("targets must be positive multiples of the risk and weights >= 1");
            }
        }
        if (validBars < 1) {
            throw new IllegalArgumentException("validBars must be >= 1, was " + validBars);
        }
        targetsR = targetsR.clone();
        weights = weights.clone();
    }

    /** The indicators the rules use, by key ("ema:9"), sorted. */
    public Map<String, Operand.Indicator> indicators() {
        Map<String, Operand.Indicator> out = new TreeMap<>();
        for (RuleNode rule : new RuleNode[] {longRule, shortRule}) {
            if (rule != null) {
                rule.operands(o -> {
                    if (o instanceof Operand.Indicator i) {
                        out.put(i.key(), i);
                    }
                });
            }
        }
        return out;
    }

    /** Parses the JSON form; throws IllegalArgumentException with the reason when it is invalid. */
    public static RuleSpec parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a rule strategy is a JSON object");
        }
        int timeframe = timeframe(text(root, "timeframe"));
        RuleNode longRule = root.has("long") ? node(root.get("long")) : null;
        RuleNode shortRule = root.has("short") ? node(root.get("short")) : null;
        JsonNode plan = root.path("plan");
        double stop = plan.path("stopPoints").asDouble(Double.NaN);
        double[] targets = doubles(plan.has("targetsR") ? plan.get("targetsR") : JSON.createArrayNode().add(1).add(2).add(3));
        int[] weights = ints(plan.has("weights") ? plan.get("weights") : JSON.createArrayNode().add(1).add(2).add(1));
        int validBars = plan.path("validBars").asInt(1);
        return new RuleSpec(timeframe, longRule, shortRule, stop, targets, weights, validBars);
    }

    static int timeframe(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.length() < 2) {
            throw new IllegalArgumentException("bad timeframe '" + s + "'");
        }
        int unit = switch (t.charAt(t.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            default -> throw new IllegalArgumentException("bad timeframe '" + s + "': expected s, m or h");
        };
        try {
            return Math.multiplyExact(Integer.parseInt(t.substring(0, t.length() - 1)), unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad timeframe '" + s + "'", e);
        }
    }

    private static RuleNode node(JsonNode n) {
        if (n == null || !n.isObject() || n.size() != 1) {
            throw new IllegalArgumentException("a rule is an object with exactly one key, got " + n);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode v = f.getValue();
        return switch (f.getKey()) {
            case "all" -> new RuleNode.All(nodes(v));
            case "any" -> new RuleNode.Any(nodes(v));
            case "not" -> new RuleNode.Not(node(v));
            case "compare" -> {
                requireArray(v, 3, "compare");
                yield new RuleNode.Compare(operand(v.get(0)), RuleNode.Op.of(v.get(1).asText()), operand(v.get(2)));
            }
            case "crossesAbove", "crossesBelow" -> {
                requireArray(v, 2, f.getKey());
                yield new RuleNode.Cross(operand(v.get(0)), operand(v.get(1)), f.getKey().equals("crossesAbove"));
            }
            case "pattern" -> new RuleNode.Pattern(pattern(v.asText()));
            default -> throw new IllegalArgumentException("unknown rule '" + f.getKey()
                    + "'; expected all, any, not, compare, crossesAbove, crossesBelow or pattern");
        };
    }

    private static List<RuleNode> nodes(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("'all' and 'any' take an array of rules");
        }
        List<RuleNode> out = new ArrayList<>();
        array.forEach(c -> out.add(node(c)));
        return out;
    }

    private static Operand operand(JsonNode n) {
        if (n.isNumber()) {
            return new Operand.Constant(n.asDouble());
        }
        if (n.isTextual()) {
            try {
                return new Operand.Price(Operand.Field.valueOf(n.asText().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown bar field '" + n.asText() + "'; expected open, high, low, close or volume", e);
            }
        }
        if (n.isObject() && n.size() == 1) {
            Map.Entry<String, JsonNode> f = n.fields().next();
            Operand.Kind kind;
            try {
                kind = Operand.Kind.valueOf(f.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown indicator '" + f.getKey() + "'; expected ema, rsi or atr", e);
            }
            if (!f.getValue().canConvertToInt()) {
                throw new IllegalArgumentException("indicator period must be an integer: " + n);
            }
            return new Operand.Indicator(kind, f.getValue().asInt());
        }
        throw new IllegalArgumentException("bad operand " + n);
    }

    private static CandlePattern pattern(String name) {
        try {
            return CandlePattern.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown pattern '" + name
                    + "'; expected bullish_engulfing, bearish_engulfing, hammer or shooting_star", e);
        }
    }

    private static void requireArray(JsonNode v, int size, String what) {
        if (v == null || !v.isArray() || v.size() != size) {
            throw new IllegalArgumentException("'" + what + "' takes an array of " + size + " elements, got " + v);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return n.asText();
    }

    private static double[] doubles(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array of numbers, got " + array);
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble(Double.NaN);
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array of integers, got " + array);
        }
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt(0);
        }
        return out;
    }
}
