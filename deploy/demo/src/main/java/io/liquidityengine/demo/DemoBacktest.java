package io.liquidityengine.demo;

import io.liquidityengine.backtest.Backtest;
import io.liquidityengine.backtest.BacktestSettings;
import io.liquidityengine.ingest.sample.SampleDayFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo's day as a one-process backtest: the same files the ingest reads and the services'
 * defaults plus the example rule strategy the demo publishes, so it gives the records the services give.
 */
final class DemoBacktest {

    private DemoBacktest() {
    }

    static Backtest of(Path home, SampleDayFiles day) {
        BacktestSettings settings = BacktestSettings.of(Map.of("backtest.strategies", DemoCommand.EXAMPLE_STRATEGY), home);
        return new Backtest(settings, List.of(Backtest.Input.of("scid", day.scid(), "ES"),
                Backtest.Input.of("option-delta", day.optionDelta(), "ES")));
    }
}
