package io.liquidityengine.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidityengine.execution.paper.PaperBroker;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.control.StrategyKind;
import io.liquidityengine.schemas.reference.AssetClass;
import io.liquidityengine.topology.domain.risk.RiskConfig;
import io.liquidityengine.topology.stream.TopologyConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a backtest computes with, as properties under the services' own keys, so a service's
 * configuration file works here as it is: {@code instruments.<symbol>.*} (the ingest's),
 * {@code engine.bars.*} and {@code engine.risk.*} (the topology's), {@code execution.paper.*} (the
 * paper broker's), plus {@code backtest.strategies} (rule-strategy JSON files, comma separated),
 * {@code backtest.reference} (the reference strategy on or off) and {@code strategy.stop-points}
 * (overrides every rule strategy's {@code plan.stopPoints}). Defaults are the services' defaults
 * ({@code backtest-defaults.properties}); unknown keys are refused, so a typo does not silently run
 * the defaults.
 */
public final class BacktestSettings {

    /** Short names accepted by {@code --param}, and the keys they stand for. */
    public static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("stop-points", "strategy.stop-points"),
            Map.entry("min-reward-risk", "engine.risk.min-reward-risk"),
            Map.entry("risk-per-trade", "engine.risk.risk-per-trade"),
            Map.entry("max-daily-loss", "engine.risk.max-daily-loss"),
            Map.entry("profit-target", "engine.risk.profit-target"),
            Map.entry("window-start", "engine.risk.window-start"),
            Map.entry("window-end", "engine.risk.window-end"),
            Map.entry("flatten-time", "engine.risk.flatten-time"),
            Map.entry("max-open-positions", "engine.risk.max-open-positions"),
            Map.entry("slippage-ticks", "execution.paper.slippage-ticks"),
            Map.entry("commission-per-contract", "execution.paper.commission-per-contract"),
            Map.entry("limit-fill", "execution.paper.limit-fill"));

    private static final Set<String> KEYS = Set.of("engine.bars.base-interval-seconds", "engine.bars.grace",
            "engine.bars.rollups-seconds", "engine.risk.accounts", "engine.risk.window-start", "engine.risk.window-end",
            "engine.risk.flatten-time", "engine.risk.profit-target", "engine.risk.max-daily-loss", "engine.risk.risk-per-trade",
            "engine.risk.min-reward-risk", "engine.risk.one-position-per-instrument", "engine.risk.lock-after-trade",
            "engine.risk.max-open-positions", "engine.risk.max-notional", "engine.risk.stale-after", "execution.paper.slippage-ticks",
            "execution.paper.commission-per-contract", "execution.paper.limit-fill", "backtest.strategies", "backtest.reference",
            "strategy.stop-points");
    private static final Set<String> INSTRUMENT_KEYS = Set.of("description", "asset-class", "tick-size", "tick-value", "currency",
            "quantity-step", "time-zone", "session-open", "session-close");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;
    private final Path base;

    private BacktestSettings(Map<String, String> values, Path base) {
        this.values = Map.copyOf(values);
        this.base = base;
        check();
    }

    /** The defaults with {@code overrides} on top; relative strategy paths are resolved against {@code base}. */
    public static BacktestSettings of(Map<String, String> overrides, Path base) {
        Map<String, String> values = defaults();
        values.putAll(overrides);
        return new BacktestSettings(values, base);
    }

    /** The defaults with a properties file on top (relative paths in it resolved against its folder). */
    public static BacktestSettings load(Path file) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        Map<String, String> overrides = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> overrides.put(k, props.getProperty(k).trim()));
        Path folder = file.toAbsolutePath().getParent();
        return of(overrides, folder);
    }

    /** These settings with one more value; {@code key} may be a short name from {@link #ALIASES}. */
    public BacktestSettings with(String key, String value) {
        Map<String, String> next = new TreeMap<>(values);
        next.put(ALIASES.getOrDefault(key, key), value);
        return new BacktestSettings(next, base);
    }

    public String get(String key) {
        return values.get(ALIASES.getOrDefault(key, key));
    }

    /** Every value, sorted by key. */
    public Map<String, String> values() {
        return new TreeMap<>(values);
    }

    private static Map<String, String> defaults() {
        Properties props = new Properties();
        try (InputStream in = BacktestSettings.class.getResourceAsStream("/backtest-defaults.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k).trim()));
        return out;
    }

    private void check() {
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (key.startsWith("instruments.")) {
                String[] parts = key.split("\\.");
                if (parts.length != 3 || !INSTRUMENT_KEYS.contains(parts[2])) {
                    unknown.add(key);
                }
            } else if (!KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown backtest settings " + unknown + "; known: " + new TreeSet<>(KEYS)
                    + ", instruments.<symbol>." + new TreeSet<>(INSTRUMENT_KEYS) + " and the short names " + new TreeSet<>(ALIASES.keySet()));
        }
        // fail now on a bad value, not in the middle of a sweep
        topology();
        paperBroker();
        instruments();
        strategies();
    }

    /** The instruments configured, by symbol, as the ingest service reads them. */
    public Map<String, InstrumentSpec> instruments() {
        Set<String> symbols = new TreeSet<>();
        values.keySet().stream().filter(k -> k.startsWith("instruments.")).forEach(k -> symbols.add(k.split("\\.")[1]));
        Map<String, InstrumentSpec> out = new TreeMap<>();
        for (String s : symbols) {
            String p = "instruments." + s + ".";
            try {
                out.put(s, new InstrumentSpec(s, values.getOrDefault(p + "description", ""),
                        AssetClass.valueOf(values.getOrDefault(p + "asset-class", "FUTURE")), Double.parseDouble(require(p + "tick-size")),
                        new BigDecimal(require(p + "tick-value")), values.getOrDefault(p + "currency", "USD"),
                        Double.parseDouble(values.getOrDefault(p + "quantity-step", "1")), ZoneId.of(require(p + "time-zone")),
                        LocalTime.parse(require(p + "session-open")), LocalTime.parse(require(p + "session-close"))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("instrument " + s + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The topology's settings: bars and the risk rules (no registry: nothing is serialized). */
    public TopologyConfig topology() {
        try {
            RiskConfig risk = new RiskConfig(time("engine.risk.window-start"), time("engine.risk.window-end"),
                    time("engine.risk.flatten-time"), decimal("engine.risk.profit-target"), decimal("engine.risk.max-daily-loss"),
                    decimal("engine.risk.risk-per-trade"), decimal("engine.risk.min-reward-risk"),
                    Boolean.parseBoolean(require("engine.risk.one-position-per-instrument")),
                    Boolean.parseBoolean(require("engine.risk.lock-after-trade")), Integer.parseInt(require("engine.risk.max-open-positions")),
                    values.containsKey("engine.risk.max-notional") ? decimal("engine.risk.max-notional") : null,
                    Duration.parse(require("engine.risk.stale-after")));
            List<Integer> rollups = Arrays.stream(require("engine.bars.rollups-seconds").split(",")).map(String::trim)
                    .map(Integer::valueOf).toList();
            List<String> accounts = Arrays.stream(require("engine.risk.accounts").split(",")).map(String::trim).toList();
            return new TopologyConfig(Map.of(), Integer.parseInt(require("engine.bars.base-interval-seconds")),
                    Duration.parse(require("engine.bars.grace")), rollups, accounts, risk, false);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("backtest settings: " + e.getMessage(), e);
        }
    }

    /** The paper broker's fill model. */
    public PaperBroker.Config paperBroker() {
        try {
            return new PaperBroker.Config(Integer.parseInt(require("execution.paper.slippage-ticks")),
                    decimal("execution.paper.commission-per-contract"),
                    PaperBroker.LimitFill.valueOf(require("execution.paper.limit-fill")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("backtest settings: " + e.getMessage(), e);
        }
    }

    /**
     * The strategy definitions to load, as config.strategies would hold them: each rule file as a RULES
     * strategy named after the file (version 1, every instrument), and a disabled REFERENCE definition
     * when {@code backtest.reference=false}.
     */
    public List<StrategyDefinition> strategies() {
        List<StrategyDefinition> out = new ArrayList<>();
        String files = values.getOrDefault("backtest.strategies", "");
        for (String f : files.split(",")) {
            if (f.isBlank()) {
                continue;
            }
            Path path = base.resolve(f.trim());
            String name = path.getFileName().toString().replaceFirst("\\.json$", "");
            String json;
            try {
                json = Files.readString(path);
            } catch (IOException e) {
                throw new IllegalArgumentException("rule strategy file " + path + ": " + e.getMessage(), e);
            }
            out.add(StrategyDefinition.newBuilder().setStrategyId(name).setVersion(1).setKind(StrategyKind.RULES).setEnabled(true)
                    .setInstruments(List.of()).setDefinition(withStopPoints(json, path)).build());
        }
        if (!Boolean.parseBoolean(values.getOrDefault("backtest.reference", "true"))) {
            out.add(StrategyDefinition.newBuilder().setStrategyId("reference").setVersion(1).setKind(StrategyKind.REFERENCE)
                    .setEnabled(false).setInstruments(List.of()).setDefinition("{}").build());
        }
        return out;
    }

    /** The rule JSON with {@code plan.stopPoints} replaced when {@code strategy.stop-points} is set (kept byte for byte otherwise). */
    private String withStopPoints(String json, Path path) {
        String stop = values.get("strategy.stop-points");
        if (stop == null) {
            return json;
        }
        try {
            JsonNode root = JSON.readTree(json);
            ((ObjectNode) root.path("plan")).put("stopPoints", Double.parseDouble(stop));
            return JSON.writeValueAsString(root);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("rule strategy " + path + ": cannot set plan.stopPoints: " + e.getMessage(), e);
        }
    }

    private String require(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }

    private LocalTime time(String key) {
        return LocalTime.parse(require(key));
    }

    private BigDecimal decimal(String key) {
        return new BigDecimal(require(key));
    }
}
