package io.liquidityengine.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.CommandType;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.BracketLeg;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.OrderType;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.schemas.risk.DecisionStatus;
import io.liquidityengine.schemas.risk.ReasonCode;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.PlanLeg;
import io.liquidityengine.schemas.signals.PlanSide;
import io.liquidityengine.schemas.signals.PlanStatus;
import io.liquidityengine.schemas.signals.TradePlan;
import io.liquidityengine.schemas.signals.TrendDirection;
import io.liquidityengine.topology.domain.risk.RiskConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * Every rule of docs/strategy.md ("Risk and the trading day") and every account limit of {@link RiskConfig}, through the
 * whole risk stage of the production topology: plans and bar clocks piped to sig.plans / sig.bias (fanned out to the
 * account through risk.signals-by-account), feedback to exec.reports / exec.positions, the kill switch to
 * control.commands; the exact decisions on risk.decisions (status, reason code, quantity, every number behind it,
 * message) and the exact orders on exec.orders after every input.
 *
 * <p>Instruments: ES from {@link TopologyFixture#es()} (tick 0.25, tick value 12.500000 USD, America/New_York, session
 * 18:00-17:00) and, where a rule needs several instruments, ESH5 / ESM5 / ESU5 with the same terms. The day is
 * Thursday 2024-12-05 (EST, UTC-5); times below are New York times. Account: the default trading account "paper".
 *
 * <p>The six-point long plan used throughout: entry 6000.00 (24,000 ticks), stop 5994.00 (6 points = 24 ticks), targets
 * T1 6008 (+32 ticks), T2 6012, T3 6014, weights 1:2:1 of 4. With the defaults (risk 1,000 USD per trade):
 * risk per contract 24 x 12.5 = 300, size floor(1000 / 300) = 3 (below the plan's 4), legs 1:2:1 of 3 = 1, 1, 1,
 * reward:risk 32 / 24 = 1.3333 (4 decimals), notional 24,000 ticks x 12.5 x 3 = 900,000.
 */
class RiskRulesStageTest {

    private static final String ACCOUNT = TopologyConfig.DEFAULT_ACCOUNT;
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final String DAY = "2024-12-05";
    private static final String NEXT_DAY = "2024-12-06";
    private static final RiskConfig DEFAULTS = RiskConfig.DEFAULTS;
    private static final String FLATTEN_TIME = "flatten time 15:55 America/New_York";

    // ---- trading window --------------------------------------------------------------------------

    @Test
    void shouldOnlyApproveEntriesFrom1005UntilBefore1515NewYorkTime() {
        try (Stage s = new Stage(DEFAULTS, "ESH5", "ESM5")) {
            // 10:04:59 = 10 x 3600 + 4 x 60 + 59 = 36,299 s, one second before the window start 10:05 = 36,300 s
            Instant early = at(DAY, "10:04:59");
            s.plan(sixPoint("P0", "ES", early));
            assertThat(s.decisions()).containsExactly(rejected("P0", "ES", early, ReasonCode.OUTSIDE_TRADING_WINDOW,
                    new Numbers().window(36_299),
                    "event at 10:04:59 America/New_York is outside the trading window 10:05-15:15 of 2024-12-05"));
            assertThat(s.orders()).isEmpty();

            // 10:05:00 = 36,300 s: the first second of the window
            Instant open = at(DAY, "10:05");
            s.plan(sixPoint("P1", "ES", open));
            assertThat(s.decisions()).containsExactly(approved("P1", "ES", open, 3, sixPointNumbers(36_300), SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P1", "ES", open));

            // 15:14:59 = 15 x 3600 + 14 x 60 + 59 = 54,899 s, the last second of the window (another instrument,
            // so P1's working bracket counts: 1 open, 900,000 open notional)
            Instant last = at(DAY, "15:14:59");
            s.plan(sixPoint("P2", "ESH5", last));
            assertThat(s.decisions()).containsExactly(approved("P2", "ESH5", last, 3,
                    sixPointNumbers(54_899).put("openPositions", 1).put("openNotional", 900_000), SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P2", "ESH5", last));

            // 15:15:00 = 54,900 s is the window end (exclusive), 15:30 = 55,800 s is after it
            Instant end = at(DAY, "15:15");
            Instant late = at(DAY, "15:30");
            s.plan(sixPoint("P3", "ESM5", end));
            s.plan(sixPoint("P4", "ESM5", late));
            assertThat(s.decisions()).containsExactly(
                    rejected("P3", "ESM5", end, ReasonCode.OUTSIDE_TRADING_WINDOW, new Numbers().window(54_900),
                            "event at 15:15 America/New_York is outside the trading window 10:05-15:15 of 2024-12-05"),
                    rejected("P4", "ESM5", late, ReasonCode.OUTSIDE_TRADING_WINDOW, new Numbers().window(55_800),
                            "event at 15:30 America/New_York is outside the trading window 10:05-15:15 of 2024-12-05"));
            assertThat(s.orders()).isEmpty();
        }
    }

    // ---- flatten time ----------------------------------------------------------------------------

    @Test
    void shouldFlattenOpenPositionsAndCancelWorkingEntriesOnceAt1555() {
        try (Stage s = new Stage(DEFAULTS, "ESH5")) {
            Instant t1 = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ES", t1));
            s.report(entryFill("P1", "ES", 3, at(DAY, "10:31")));
            // 10:32 = 37,920 s; P1 open counts: 1 position, 900,000 notional
            Instant t2 = at(DAY, "10:32");
            s.plan(sixPoint("P2", "ESH5", t2));
            assertThat(s.decisions()).containsExactly(
                    approved("P1", "ES", t1, 3, sixPointNumbers(37_800), SIX_POINT_APPROVAL),
                    approved("P2", "ESH5", t2, 3, sixPointNumbers(37_920).put("openPositions", 1).put("openNotional", 900_000),
                            SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P1", "ES", t1), sixPointPlace("P2", "ESH5", t2));

            s.clock(at(DAY, "15:54:59"));
            assertThat(s.orders()).isEmpty();

            // at 15:55 every instrument of the account: ES's open position is flattened, ESH5's working entry cancelled;
            // both are the brackets' first engine instruction (revision 0 + 1)
            Instant flatten = at(DAY, "15:55");
            s.clock(flatten);
            assertThat(s.orders()).containsExactly(
                    engineOrder(OrderAction.FLATTEN, "P1", 1, "ES", flatten, 3, FLATTEN_TIME),
                    engineOrder(OrderAction.CANCEL, "P2", 1, "ESH5", flatten, 3, FLATTEN_TIME));

            // once per day
            s.clock(at(DAY, "15:55:05"));
            assertThat(s.orders()).isEmpty();
            assertThat(s.decisions()).isEmpty();
        }
    }

    // ---- daily P&L -------------------------------------------------------------------------------

    @Test
    void shouldStopNewEntriesOnceTheDaysPnlReachesTheProfitTarget() {
        try (Stage s = new Stage(DEFAULTS)) {
            Instant t1 = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ES", t1));
            s.position(position("P1", "ES", PositionStatus.OPEN, 3, 0, at(DAY, "10:31"), at(DAY, "10:31")));
            // +396 ticks x contracts x 12.5 = 4,950 USD, below the 5,000 target
            s.position(position("P1", "ES", PositionStatus.CLOSED, 0, 396, at(DAY, "10:31"), at(DAY, "11:00")));

            // 11:00:05 = 39,605 s
            Instant t2 = at(DAY, "11:00:05");
            s.plan(sixPoint("P2", "ES", t2));
            s.position(position("P2", "ES", PositionStatus.OPEN, 3, 0, at(DAY, "11:01"), at(DAY, "11:01")));
            // +4 ticks x contracts x 12.5 = 50; the day: 4,950 + 50 = 5,000 = the target
            s.position(position("P2", "ES", PositionStatus.CLOSED, 0, 4, at(DAY, "11:01"), at(DAY, "11:30")));

            // 11:30:05 = 41,405 s
            Instant t3 = at(DAY, "11:30:05");
            s.plan(sixPoint("P3", "ES", t3));

            assertThat(s.decisions()).containsExactly(
                    approved("P1", "ES", t1, 3, sixPointNumbers(37_800), SIX_POINT_APPROVAL),
                    approved("P2", "ES", t2, 3, sixPointNumbers(39_605).put("dailyPnl", 4_950), SIX_POINT_APPROVAL),
                    rejected("P3", "ES", t3, ReasonCode.PROFIT_TARGET_REACHED, new Numbers().window(41_405).pnl(5_000),
                            "day's P&L 5000.000000 is at or above the profit target 5000"));
            // no entry for P3, and the target does not flatten anything
            assertThat(s.orders()).containsExactly(sixPointPlace("P1", "ES", t1), sixPointPlace("P2", "ES", t2));
        }
    }

    @Test
    void shouldRejectNewEntriesAndFlattenEverythingAtTheMaximumDailyLoss() {
        try (Stage s = new Stage(DEFAULTS, "ESH5", "ESM5")) {
            Instant t1 = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ES", t1));
            Instant t2 = at(DAY, "10:30:05");
            s.plan(sixPoint("P2", "ESH5", t2));
            s.report(entryFill("P2", "ESH5", 3, at(DAY, "10:31")));
            // 10:31:05 = 37,865 s; P1 working and P2 open: 2 positions, 2 x 900,000 notional
            Instant t3 = at(DAY, "10:31:05");
            s.plan(sixPoint("P3", "ESM5", t3));
            assertThat(s.decisions()).containsExactly(
                    approved("P1", "ES", t1, 3, sixPointNumbers(37_800), SIX_POINT_APPROVAL),
                    approved("P2", "ESH5", t2, 3, sixPointNumbers(37_805).put("openPositions", 1).put("openNotional", 900_000),
                            SIX_POINT_APPROVAL),
                    approved("P3", "ESM5", t3, 3, sixPointNumbers(37_865).put("openPositions", 2).put("openNotional", 1_800_000),
                            SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P1", "ES", t1), sixPointPlace("P2", "ESH5", t2),
                    sixPointPlace("P3", "ESM5", t3));

            s.position(position("P1", "ES", PositionStatus.OPEN, 3, 0, at(DAY, "10:32"), at(DAY, "10:32")));
            assertThat(s.orders()).isEmpty();
            // P1 closes at -240 ticks x contracts (3 contracts, 80 ticks each through the stop): -240 x 12.5 = -3,000,
            // at the limit: the open P2 is flattened, the working P3 cancelled (bracket-id order)
            Instant loss = at(DAY, "10:40");
            s.position(position("P1", "ES", PositionStatus.CLOSED, 0, -240, at(DAY, "10:32"), loss));
            String why = "daily loss limit: P&L -3000.000000 <= -3000";
            assertThat(s.orders()).containsExactly(
                    engineOrder(OrderAction.FLATTEN, "P2", 1, "ESH5", loss, 3, why),
                    engineOrder(OrderAction.CANCEL, "P3", 1, "ESM5", loss, 3, why));

            // 10:41 = 38,460 s
            Instant t4 = at(DAY, "10:41");
            s.plan(sixPoint("P4", "ES", t4));
            assertThat(s.decisions()).containsExactly(rejected("P4", "ES", t4, ReasonCode.DAILY_LOSS_LIMIT,
                    new Numbers().window(38_460).pnl(-3_000), "day's P&L -3000.000000 is at or below the loss limit -3000"));
            assertThat(s.orders()).isEmpty();
        }
    }

    // ---- sizing ----------------------------------------------------------------------------------

    @Test
    void shouldSizeThreeContractsFromAThousandDollarsOfRiskAndASixPointStop() {
        try (Stage s = new Stage(DEFAULTS)) {
            Instant t = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ES", t));

            // 10:30 = 37,800 s; the numbers of every rule, see the class comment for the arithmetic
            assertThat(s.decisions()).containsExactly(approved("P1", "ES", t, 3, new Numbers().window(37_800).pnl(0).stale(0)
                            .reward(24, 32, 1.3333).onInstrument(0).open(0).size(300, 3, 3).notional(900_000, 0),
                    "approved 3 of 4: 1000 / (24 ticks x 12.500000)"));
            // legs 1:2:1 of 3 by largest remainder: 3/4, 6/4, 3/4 -> 0, 1, 0 + the 2 left to legs 1 and 3 -> 1, 1, 1
            assertThat(s.orders()).containsExactly(place("P1", "ES", t, 3, 6000.00,
                    leg("P1", 1, 1, 6008.00, 5994.00), leg("P1", 2, 1, 6012.00, 5994.00), leg("P1", 3, 1, 6014.00, 5994.00)));
        }
    }

    @Test
    void shouldRejectAStopSoWideThatTheSizeIsBelowOneContract() {
        try (Stage s = new Stage(DEFAULTS)) {
            // stop 21 points = 84 ticks: 84 x 12.5 = 1,050 per contract > 1,000, floor(1000 / 1050) = 0;
            // T1 6021 = +84 ticks so reward:risk = 84 / 84 = 1.0 passes
            Instant wide = at(DAY, "10:30");
            s.plan(plan("P1", "ES", wide, 6000.00, 5979.00, 6021.00, 6025.00, 6030.00));
            assertThat(s.decisions()).containsExactly(rejected("P1", "ES", wide, ReasonCode.SIZE_BELOW_ONE,
                    new Numbers().window(37_800).pnl(0).stale(0).reward(84, 84, 1.0).onInstrument(0).open(0).size(1_050, 0, 0),
                    "risk 1000 / 1050.000000 per contract (84 ticks x 12.500000) is below one contract"));
            assertThat(s.orders()).isEmpty();

            // stop 20 points = 80 ticks: 80 x 12.5 = 1,000, floor(1000 / 1000) = exactly 1 contract;
            // legs 1:2:1 of 1: 1/4, 2/4, 1/4 -> 0, 0, 0, the one left to the largest remainder (leg 2); notional 300,000
            Instant edge = at(DAY, "10:30:05");
            s.plan(twentyPoint("P2", "ES", edge));
            assertThat(s.decisions()).containsExactly(approved("P2", "ES", edge, 1, twentyPointNumbers(37_805),
                    "approved 1 of 4: 1000 / (80 ticks x 12.500000)"));
            assertThat(s.orders()).containsExactly(place("P2", "ES", edge, 1, 6000.00, leg("P2", 2, 1, 6025.00, 5980.00)));
        }
    }

    @Test
    void shouldCapTheSizeAtThePlansTotalQuantity() {
        try (Stage s = new Stage(DEFAULTS)) {
            // stop 2 points = 8 ticks: 8 x 12.5 = 100 per contract, floor(1000 / 100) = 10, capped at the plan's 4;
            // T1 6003 = +12 ticks: 12 / 8 = 1.5; notional 24,000 x 12.5 x 4 = 1,200,000; legs 1:2:1 of 4 = 1, 2, 1
            Instant t = at(DAY, "10:30");
            s.plan(plan("P1", "ES", t, 6000.00, 5998.00, 6003.00, 6005.00, 6008.00));
            assertThat(s.decisions()).containsExactly(approved("P1", "ES", t, 4, new Numbers().window(37_800).pnl(0).stale(0)
                            .reward(8, 12, 1.5).onInstrument(0).open(0).size(100, 10, 4).notional(1_200_000, 0),
                    "approved 4 of 4: 1000 / (8 ticks x 12.500000)"));
            assertThat(s.orders()).containsExactly(place("P1", "ES", t, 4, 6000.00,
                    leg("P1", 1, 1, 6003.00, 5998.00), leg("P1", 2, 2, 6005.00, 5998.00), leg("P1", 3, 1, 6008.00, 5998.00)));
        }
    }

    // ---- reward:risk -----------------------------------------------------------------------------

    @Test
    void shouldRejectARewardRiskBelowTheMinimumAndApproveOneAtIt() {
        try (Stage s = new Stage(DEFAULTS)) {
            // T1 6005 = +20 ticks against a 24-tick stop: 20 / 24 = 0.83333 -> 0.8333 < 1.0
            Instant low = at(DAY, "10:30");
            s.plan(plan("P1", "ES", low, 6000.00, 5994.00, 6005.00, 6012.00, 6014.00));
            assertThat(s.decisions()).containsExactly(rejected("P1", "ES", low, ReasonCode.REWARD_RISK_TOO_LOW,
                    new Numbers().window(37_800).pnl(0).stale(0).reward(24, 20, 0.8333), "reward:risk 20/24 = 0.8333 is below 1.0"));
            assertThat(s.orders()).isEmpty();

            // T1 6006 = +24 ticks: 24 / 24 = 1.0, at the minimum
            Instant even = at(DAY, "10:30:05");
            s.plan(plan("P2", "ES", even, 6000.00, 5994.00, 6006.00, 6012.00, 6014.00));
            assertThat(s.decisions()).containsExactly(approved("P2", "ES", even, 3,
                    sixPointNumbers(37_805).put("rewardTicks", 24).put("rewardRisk", 1.0), SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(place("P2", "ES", even, 3, 6000.00,
                    leg("P2", 1, 1, 6006.00, 5994.00), leg("P2", 2, 1, 6012.00, 5994.00), leg("P2", 3, 1, 6014.00, 5994.00)));
        }
    }

    // ---- positions -------------------------------------------------------------------------------

    @Test
    void shouldAllowOnePositionOrWorkingBracketPerInstrument() {
        try (Stage s = new Stage(DEFAULTS)) {
            Instant t1 = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ES", t1));
            // 10:30:05 = 37,805 s, P1's entry still working
            Instant t2 = at(DAY, "10:30:05");
            s.plan(sixPoint("P2", "ES", t2));
            s.report(entryFill("P1", "ES", 3, at(DAY, "10:31")));
            // 10:31:05 = 37,865 s, P1 open
            Instant t3 = at(DAY, "10:31:05");
            s.plan(sixPoint("P3", "ES", t3));
            // P1 closes at T1 for all 3: 3 x 32 = +96 ticks x contracts x 12.5 = 1,200
            s.position(position("P1", "ES", PositionStatus.CLOSED, 0, 96, at(DAY, "10:31"), at(DAY, "11:00")));
            // 11:00:05 = 39,605 s, ES free again (no intraday lock by default)
            Instant t4 = at(DAY, "11:00:05");
            s.plan(sixPoint("P4", "ES", t4));

            String taken = "a position or working bracket on ES already exists";
            assertThat(s.decisions()).containsExactly(
                    approved("P1", "ES", t1, 3, sixPointNumbers(37_800), SIX_POINT_APPROVAL),
                    rejected("P2", "ES", t2, ReasonCode.POSITION_ALREADY_OPEN,
                            new Numbers().window(37_805).pnl(0).stale(0).reward(24, 32, 1.3333).onInstrument(1), taken),
                    rejected("P3", "ES", t3, ReasonCode.POSITION_ALREADY_OPEN,
                            new Numbers().window(37_865).pnl(0).stale(0).reward(24, 32, 1.3333).onInstrument(1), taken),
                    approved("P4", "ES", t4, 3, sixPointNumbers(39_605).put("dailyPnl", 1_200), SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P1", "ES", t1), sixPointPlace("P4", "ES", t4));
        }
    }

    @Test
    void shouldLockAnInstrumentForTheDayAfterATradeWhenConfigured() {
        try (Stage s = new Stage(DEFAULTS.withLockAfterTrade(true), "ESH5")) {
            Instant t1 = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ES", t1));
            s.report(entryFill("P1", "ES", 3, at(DAY, "10:31")));
            // +96 ticks x contracts x 12.5 = 1,200; ES is flat again but was traded today
            s.position(position("P1", "ES", PositionStatus.CLOSED, 0, 96, at(DAY, "10:31"), at(DAY, "11:00")));
            // 11:00:05 = 39,605 s
            Instant t2 = at(DAY, "11:00:05");
            s.plan(sixPoint("P2", "ES", t2));
            // 11:00:10 = 39,610 s: the lock is per instrument
            Instant t3 = at(DAY, "11:00:10");
            s.plan(sixPoint("P3", "ESH5", t3));

            assertThat(s.decisions()).containsExactly(
                    approved("P1", "ES", t1, 3, sixPointNumbers(37_800), SIX_POINT_APPROVAL),
                    rejected("P2", "ES", t2, ReasonCode.INSTRUMENT_LOCKED,
                            new Numbers().window(39_605).pnl(1_200).stale(0).reward(24, 32, 1.3333).onInstrument(0),
                            "ES was traded today and is locked"),
                    approved("P3", "ESH5", t3, 3, sixPointNumbers(39_610).put("dailyPnl", 1_200), SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P1", "ES", t1), sixPointPlace("P3", "ESH5", t3));
        }
    }

    @Test
    void shouldRejectBeyondTheMaximumOpenPositionsCountingWorkingBracketsButNotCancellingOnes() {
        try (Stage s = new Stage(DEFAULTS, "ESH5", "ESM5", "ESU5")) {
            Instant t1 = at(DAY, "10:30");
            Instant t2 = at(DAY, "10:30:05");
            Instant t3 = at(DAY, "10:30:10");
            s.plan(sixPoint("P1", "ES", t1));
            s.plan(sixPoint("P2", "ESH5", t2));
            s.plan(sixPoint("P3", "ESM5", t3));
            // 10:30:15 = 37,815 s: 3 working brackets = the maximum 3
            Instant t4 = at(DAY, "10:30:15");
            s.plan(sixPoint("P4", "ESU5", t4));
            assertThat(s.decisions()).containsExactly(
                    approved("P1", "ES", t1, 3, sixPointNumbers(37_800), SIX_POINT_APPROVAL),
                    approved("P2", "ESH5", t2, 3, sixPointNumbers(37_805).put("openPositions", 1).put("openNotional", 900_000),
                            SIX_POINT_APPROVAL),
                    approved("P3", "ESM5", t3, 3, sixPointNumbers(37_810).put("openPositions", 2).put("openNotional", 1_800_000),
                            SIX_POINT_APPROVAL),
                    rejected("P4", "ESU5", t4, ReasonCode.MAX_OPEN_POSITIONS,
                            new Numbers().window(37_815).pnl(0).stale(0).reward(24, 32, 1.3333).onInstrument(0).open(3),
                            "3 positions and working brackets open, max 3"));
            assertThat(s.orders()).containsExactly(sixPointPlace("P1", "ES", t1), sixPointPlace("P2", "ESH5", t2),
                    sixPointPlace("P3", "ESM5", t3));

            // P3 cancelled by its strategy: CANCEL with the plan's revision 1; a cancelling bracket no longer counts
            Instant cancel = at(DAY, "10:30:20");
            s.plan(cancelled(sixPoint("P3", "ESM5", t3), cancel, "setup gone"));
            assertThat(s.decisions()).containsExactly(decision("P3", 1, "ESM5", cancel, DecisionStatus.APPROVED,
                    ReasonCode.PLAN_CANCELLED, 0, new Numbers(), "plan cancelled: working entry of paper:P3 cancelled"));
            assertThat(s.orders()).containsExactly(engineOrder(OrderAction.CANCEL, "P3", 1, "ESM5", cancel, 3,
                    "plan cancelled: setup gone"));

            // 10:30:25 = 37,825 s: P1 and P2 count, 2 x 900,000 notional
            Instant t5 = at(DAY, "10:30:25");
            s.plan(sixPoint("P5", "ESU5", t5));
            assertThat(s.decisions()).containsExactly(approved("P5", "ESU5", t5, 3,
                    sixPointNumbers(37_825).put("openPositions", 2).put("openNotional", 1_800_000), SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P5", "ESU5", t5));
        }
    }

    @Test
    void shouldRejectAPlanThatWouldTakeTheNotionalAboveTheMaximum() {
        try (Stage s = new Stage(DEFAULTS.withMaxNotional(new BigDecimal("1200000")), "ESH5")) {
            Instant t1 = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ES", t1));
            // 900,000 + 900,000 open = 1,800,000 > 1,200,000
            Instant t2 = at(DAY, "10:30:05");
            s.plan(sixPoint("P2", "ESH5", t2));
            // one contract: 300,000 + 900,000 open = 1,200,000, at the maximum
            Instant t3 = at(DAY, "10:30:10");
            s.plan(twentyPoint("P3", "ESH5", t3));

            assertThat(s.decisions()).containsExactly(
                    approved("P1", "ES", t1, 3, sixPointNumbers(37_800).put("maxNotional", 1_200_000), SIX_POINT_APPROVAL),
                    rejected("P2", "ESH5", t2, ReasonCode.MAX_NOTIONAL, sixPointNumbers(37_805).put("openPositions", 1)
                                    .put("openNotional", 900_000).put("maxNotional", 1_200_000),
                            "notional 900000.000000 + open 900000.000000 exceeds 1200000"),
                    approved("P3", "ESH5", t3, 1, twentyPointNumbers(37_810).put("openPositions", 1).put("openNotional", 900_000)
                            .put("maxNotional", 1_200_000), "approved 1 of 4: 1000 / (80 ticks x 12.500000)"));
            assertThat(s.orders()).containsExactly(sixPointPlace("P1", "ES", t1),
                    place("P3", "ESH5", t3, 1, 6000.00, leg("P3", 2, 1, 6025.00, 5980.00)));
        }
    }

    // ---- stale plans -----------------------------------------------------------------------------

    @Test
    void shouldRejectAPlanMoreThanSixtySecondsOlderThanTheLatestEvent() {
        try (Stage s = new Stage(DEFAULTS)) {
            s.clock(at(DAY, "10:31:01"));
            // 10:31:01 - 10:30:00 = 61 s > 60 s
            Instant stale = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ES", stale));
            // 10:31:01 - 10:30:01 = 60 s, not more than 60 s; 10:30:01 = 37,801 s
            Instant fresh = at(DAY, "10:30:01");
            s.plan(sixPoint("P2", "ES", fresh));

            assertThat(s.decisions()).containsExactly(
                    rejected("P1", "ES", stale, ReasonCode.STALE_PLAN, new Numbers().window(37_800).pnl(0).stale(61),
                            "plan is 61 s older than the latest event; stale after 60 s"),
                    approved("P2", "ES", fresh, 3, sixPointNumbers(37_801).put("planAgeSeconds", 60), SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P2", "ES", fresh));
        }
    }

    // ---- kill switch -----------------------------------------------------------------------------

    @Test
    void shouldHaltResumeAndFlattenFromControlCommands() {
        try (Stage s = new Stage(DEFAULTS, "ESH5", "ESM5", "ESU5")) {
            Instant t1 = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ES", t1));
            s.report(entryFill("P1", "ES", 3, at(DAY, "10:31")));
            // 10:32 = 37,920 s
            Instant t2 = at(DAY, "10:32");
            s.plan(sixPoint("P2", "ESH5", t2));
            assertThat(s.decisions()).containsExactly(
                    approved("P1", "ES", t1, 3, sixPointNumbers(37_800), SIX_POINT_APPROVAL),
                    approved("P2", "ESH5", t2, 3, sixPointNumbers(37_920).put("openPositions", 1).put("openNotional", 900_000),
                            SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P1", "ES", t1), sixPointPlace("P2", "ESH5", t2));

            // HALT: the working entry P2 is cancelled, the open P1 stays
            Instant halt = at(DAY, "10:33");
            s.command(command("c1", CommandType.HALT, null, halt, "news"));
            assertThat(s.orders()).containsExactly(engineOrder(OrderAction.CANCEL, "P2", 1, "ESH5", halt, 3, "HALT by ops: news"));
            Instant t3 = at(DAY, "10:34");
            s.plan(sixPoint("P3", "ESM5", t3));
            assertThat(s.decisions()).containsExactly(rejected("P3", "ESM5", t3, ReasonCode.HALTED, new Numbers(),
                    "halted: no new entries"));
            assertThat(s.orders()).isEmpty();

            // RESUME: entries again; 10:36 = 38,160 s; P1 open counts, the cancelling P2 does not
            s.command(command("c2", CommandType.RESUME, null, at(DAY, "10:35"), ""));
            assertThat(s.orders()).isEmpty();
            Instant t4 = at(DAY, "10:36");
            s.plan(sixPoint("P4", "ESM5", t4));
            assertThat(s.decisions()).containsExactly(approved("P4", "ESM5", t4, 3,
                    sixPointNumbers(38_160).put("openPositions", 1).put("openNotional", 900_000), SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P4", "ESM5", t4));

            // FLATTEN: the open P1 flattened, the working P4 cancelled (P2 is already cancelling), then halted
            Instant flatten = at(DAY, "10:37");
            s.command(command("c3", CommandType.FLATTEN, null, flatten, ""));
            assertThat(s.orders()).containsExactly(
                    engineOrder(OrderAction.FLATTEN, "P1", 1, "ES", flatten, 3, "FLATTEN by ops"),
                    engineOrder(OrderAction.CANCEL, "P4", 1, "ESM5", flatten, 3, "FLATTEN by ops"));
            Instant t5 = at(DAY, "10:38");
            s.plan(sixPoint("P5", "ESU5", t5));
            assertThat(s.decisions()).containsExactly(rejected("P5", "ESU5", t5, ReasonCode.HALTED, new Numbers(),
                    "halted: no new entries"));
            assertThat(s.orders()).isEmpty();
        }
    }

    @Test
    void shouldHaltOnlyTheCommandsInstrumentWhenItNamesOne() {
        try (Stage s = new Stage(DEFAULTS, "ESH5")) {
            s.command(command("c1", CommandType.HALT, "ESH5", at(DAY, "10:29"), "roll"));
            assertThat(s.orders()).isEmpty();
            Instant t1 = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ESH5", t1));
            // 10:30:05 = 37,805 s
            Instant t2 = at(DAY, "10:30:05");
            s.plan(sixPoint("P2", "ES", t2));

            assertThat(s.decisions()).containsExactly(
                    rejected("P1", "ESH5", t1, ReasonCode.HALTED, new Numbers(), "halted: no new entries on ESH5"),
                    approved("P2", "ES", t2, 3, sixPointNumbers(37_805), SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P2", "ES", t2));
        }
    }

    // ---- the trading day -------------------------------------------------------------------------

    @Test
    void shouldStartANewTradingDayAtThe1800SessionOpenWithTheDailyLimitsReset() {
        // with the intraday lock on, so that the next day also shows the lock lifted
        try (Stage s = new Stage(DEFAULTS.withLockAfterTrade(true))) {
            Instant t1 = at(DAY, "10:30");
            s.plan(sixPoint("P1", "ES", t1));
            s.report(entryFill("P1", "ES", 3, at(DAY, "10:31")));
            // -240 ticks x contracts x 12.5 = -3,000: the loss limit (nothing else to flatten)
            s.position(position("P1", "ES", PositionStatus.CLOSED, 0, -240, at(DAY, "10:31"), at(DAY, "10:40")));
            assertThat(s.orders()).containsExactly(sixPointPlace("P1", "ES", t1));
            Instant t2 = at(DAY, "10:41");
            s.plan(sixPoint("P2", "ES", t2));
            s.clock(at(DAY, "15:55"));
            assertThat(s.orders()).isEmpty();

            // 17:59:59 = 17 x 3600 + 59 x 60 + 59 = 64,799 s, still the trading day 2024-12-05;
            // 18:00 = 64,800 s, the session open: the trading day 2024-12-06 (outside its window, which starts at 10:05)
            Instant beforeOpen = at(DAY, "17:59:59");
            Instant sessionOpen = at(DAY, "18:00");
            s.plan(sixPoint("P3", "ES", beforeOpen));
            s.plan(sixPoint("P4", "ES", sessionOpen));

            // the next day at 10:30: P&L 0 (no loss limit), ES not locked, a fresh six-point approval
            Instant t5 = at(NEXT_DAY, "10:30");
            s.plan(sixPoint("P5", "ES", t5));
            assertThat(s.decisions()).containsExactly(
                    approved("P1", "ES", t1, 3, sixPointNumbers(37_800), SIX_POINT_APPROVAL),
                    rejected("P2", "ES", t2, ReasonCode.DAILY_LOSS_LIMIT, new Numbers().window(38_460).pnl(-3_000),
                            "day's P&L -3000.000000 is at or below the loss limit -3000"),
                    rejected("P3", "ES", beforeOpen, ReasonCode.OUTSIDE_TRADING_WINDOW, new Numbers().window(64_799),
                            "event at 17:59:59 America/New_York is outside the trading window 10:05-15:15 of 2024-12-05"),
                    rejected("P4", "ES", sessionOpen, ReasonCode.OUTSIDE_TRADING_WINDOW, new Numbers().window(64_800),
                            "event at 18:00 America/New_York is outside the trading window 10:05-15:15 of 2024-12-06"),
                    approved("P5", "ES", t5, 3, sixPointNumbers(37_800), SIX_POINT_APPROVAL));
            assertThat(s.orders()).containsExactly(sixPointPlace("P5", "ES", t5));

            // and the flatten time applies again on the new day
            s.report(entryFill("P5", "ES", 3, at(NEXT_DAY, "10:31")));
            Instant close = at(NEXT_DAY, "15:55");
            s.clock(close);
            assertThat(s.orders()).containsExactly(engineOrder(OrderAction.FLATTEN, "P5", 1, "ES", close, 3, FLATTEN_TIME));
        }
    }

    // ---- expected values -------------------------------------------------------------------------

    private static final String SIX_POINT_APPROVAL = "approved 3 of 4: 1000 / (24 ticks x 12.500000)";

    /** The numbers of an approved six-point plan on a flat, fresh account at {@code localSecondOfDay}. */
    private static Numbers sixPointNumbers(int localSecondOfDay) {
        return new Numbers().window(localSecondOfDay).pnl(0).stale(0).reward(24, 32, 1.3333).onInstrument(0).open(0)
                .size(300, 3, 3).notional(900_000, 0);
    }

    /**
     * The numbers of an approved twenty-point plan (stop 80 ticks, T1 +80 ticks: 1.0; 80 x 12.5 = 1,000 per contract,
     * 1 contract; notional 24,000 x 12.5 = 300,000) on a flat, fresh account.
     */
    private static Numbers twentyPointNumbers(int localSecondOfDay) {
        return new Numbers().window(localSecondOfDay).pnl(0).stale(0).reward(80, 80, 1.0).onInstrument(0).open(0)
                .size(1_000, 1, 1).notional(300_000, 0);
    }

    /** The numbers behind a decision, added in the order the risk stage checks its rules; defaults of RiskConfig. */
    private static final class Numbers {
        private final Map<String, Double> values = new TreeMap<>();

        Numbers put(String name, double value) {
            values.put(name, value);
            return this;
        }

        /** Trading window: 10:05 = 36,300 s and 15:15 = 54,900 s of the local day. */
        Numbers window(int localSecondOfDay) {
            return put("localSecondOfDay", localSecondOfDay).put("windowStartSecondOfDay", 36_300).put("windowEndSecondOfDay", 54_900);
        }

        Numbers pnl(double dailyPnl) {
            return put("dailyPnl", dailyPnl).put("profitTarget", 5_000).put("maxDailyLoss", 3_000);
        }

        Numbers stale(double planAgeSeconds) {
            return put("planAgeSeconds", planAgeSeconds).put("staleAfterSeconds", 60);
        }

        Numbers reward(int stopTicks, int rewardTicks, double rewardRisk) {
            return put("stopTicks", stopTicks).put("rewardTicks", rewardTicks).put("rewardRisk", rewardRisk).put("minRewardRisk", 1.0);
        }

        Numbers onInstrument(int positions) {
            return put("positionsOnInstrument", positions);
        }

        Numbers open(int positions) {
            return put("openPositions", positions).put("maxOpenPositions", 3);
        }

        /** Risk 1,000 per trade, tick value 12.5, plan total 4. */
        Numbers size(double riskPerContract, int sizeByRisk, int quantity) {
            return put("riskPerTrade", 1_000).put("tickValue", 12.5).put("riskPerContract", riskPerContract)
                    .put("sizeByRisk", sizeByRisk).put("planQuantity", 4).put("quantity", quantity);
        }

        Numbers notional(double notional, double openNotional) {
            return put("notional", notional).put("openNotional", openNotional);
        }
    }

    private static RiskDecision approved(String planId, String instrument, Instant time, int quantity, Numbers numbers,
                                         String message) {
        return decision(planId, 0, instrument, time, DecisionStatus.APPROVED, ReasonCode.OK, quantity, numbers, message);
    }

    private static RiskDecision rejected(String planId, String instrument, Instant time, ReasonCode reason, Numbers numbers,
                                         String message) {
        return decision(planId, 0, instrument, time, DecisionStatus.REJECTED, reason, 0, numbers, message);
    }

    private static RiskDecision decision(String planId, int revision, String instrument, Instant time, DecisionStatus status,
                                         ReasonCode reason, int quantity, Numbers numbers, String message) {
        return RiskDecision.newBuilder().setDecisionId(ACCOUNT + ":" + planId + ":" + revision).setAccount(ACCOUNT)
                .setPlanId(planId).setPlanRevision(revision).setInstrument(instrument).setEventTime(time).setStatus(status)
                .setReason(reason).setQuantity(quantity).setNumbers(numbers.values).setMessage(message).build();
    }

    /** The PLACE of an approved six-point plan: 3 contracts, one per leg, every leg with the stop 5994. */
    private static Order sixPointPlace(String planId, String instrument, Instant time) {
        return place(planId, instrument, time, 3, 6000.00, leg(planId, 1, 1, 6008.00, 5994.00),
                leg(planId, 2, 1, 6012.00, 5994.00), leg(planId, 3, 1, 6014.00, 5994.00));
    }

    private static Order place(String planId, String instrument, Instant time, int quantity, double entry, BracketLeg... legs) {
        return order(ACCOUNT + ":" + planId + ":0:PLACE", OrderAction.PLACE, planId, instrument, time, quantity, entry,
                List.of(legs), "plan " + planId + " approved");
    }

    private static BracketLeg leg(String planId, int leg, int quantity, double target, double stop) {
        return new BracketLeg(ACCOUNT + ":" + planId + ":L" + leg, (double) quantity, target, stop);
    }

    /** A CANCEL or FLATTEN of a long bracket: no entry price, no legs. */
    private static Order engineOrder(OrderAction action, String planId, int revision, String instrument, Instant time,
                                     int quantity, String reason) {
        return order(ACCOUNT + ":" + planId + ":" + revision + ":" + action, action, planId, instrument, time, quantity, null,
                List.of(), reason);
    }

    private static Order order(String clientOrderId, OrderAction action, String planId, String instrument, Instant time,
                               int quantity, Double entry, List<BracketLeg> legs, String reason) {
        return Order.newBuilder().setClientOrderId(clientOrderId).setBracketId(ACCOUNT + ":" + planId).setAccount(ACCOUNT)
                .setInstrument(instrument).setPlanId(planId).setAction(action).setSide(Side.BUY).setEntryType(OrderType.LIMIT)
                .setQuantity(quantity).setEntryPrice(entry).setLegs(legs).setEventTime(time).setReason(reason).build();
    }

    // ---- inputs ----------------------------------------------------------------------------------

    /** A New York local time on a date, e.g. at("2024-12-05", "10:30"). */
    private static Instant at(String date, String localTime) {
        return LocalDateTime.parse(date + "T" + localTime).atZone(NY).toInstant();
    }

    /** A NEW long plan, 1:2:1 of 4, from the reference strategy. */
    private static TradePlan plan(String planId, String instrument, Instant time, double entry, double stop, double t1,
                                  double t2, double t3) {
        return TradePlan.newBuilder().setPlanId(planId).setRevision(0).setInstrument(instrument).setStrategyId("reference")
                .setStatus(PlanStatus.NEW).setSide(PlanSide.BUY).setEventTime(time).setEntryPrice(entry).setStopPrice(stop)
                .setLegs(List.of(new PlanLeg(1, 1, t1), new PlanLeg(2, 2, t2), new PlanLeg(3, 1, t3))).setTotalQuantity(4)
                .setRewardRisk((t1 - entry) / (entry - stop)).build();
    }

    private static TradePlan sixPoint(String planId, String instrument, Instant time) {
        return plan(planId, instrument, time, 6000.00, 5994.00, 6008.00, 6012.00, 6014.00);
    }

    /** Entry 6000, stop 5980 (20 points), T1 6020, T2 6025, T3 6030. */
    private static TradePlan twentyPoint(String planId, String instrument, Instant time) {
        return plan(planId, instrument, time, 6000.00, 5980.00, 6020.00, 6025.00, 6030.00);
    }

    private static TradePlan cancelled(TradePlan plan, Instant time, String reason) {
        return TradePlan.newBuilder(plan).setRevision(plan.getRevision() + 1).setStatus(PlanStatus.CANCELLED)
                .setEventTime(time).setReason(reason).build();
    }

    /** The paper broker's fill of a long bracket's entry (placed at revision 0) at 6000.00. */
    private static ExecutionReport entryFill(String planId, String instrument, int quantity, Instant time) {
        String bracketId = ACCOUNT + ":" + planId;
        return ExecutionReport.newBuilder().setReportId(bracketId + ":entry-fill").setClientOrderId(bracketId + ":0:PLACE")
                .setBracketId(bracketId).setLegId(null).setAccount(ACCOUNT).setInstrument(instrument).setExecType(ExecType.FILLED)
                .setRole(OrderRole.ENTRY).setSide(Side.BUY).setFillPrice(6000.00).setFillQuantity(quantity)
                .setCommission(new BigDecimal("0.000000")).setEventTime(time).build();
    }

    /** A long position of a bracket entered at 6000.00; realized P&L = realized ticks x contracts x 12.5. */
    private static Position position(String planId, String instrument, PositionStatus status, int quantity, long realizedTicks,
                                     Instant opened, Instant time) {
        return Position.newBuilder().setPositionId(ACCOUNT + ":" + planId).setAccount(ACCOUNT).setInstrument(instrument)
                .setStatus(status).setSide(Side.BUY).setQuantity(quantity).setAverageEntryPrice(6000.00)
                .setRealizedTicks(realizedTicks).setRealizedPnl(new BigDecimal("12.500000").multiply(BigDecimal.valueOf(realizedTicks)))
                .setCommission(new BigDecimal("0.000000")).setCurrency("USD").setOpenedTime(opened).setEventTime(time).build();
    }

    private static ControlCommand command(String id, CommandType type, String instrument, Instant time, String reason) {
        return ControlCommand.newBuilder().setCommandId(id).setAccount(ACCOUNT).setCommand(type).setInstrument(instrument)
                .setEventTime(time).setIssuedBy("ops").setReason(reason).build();
    }

    /**
     * The production topology with a chosen {@link RiskConfig} ({@link TopologyFixture} always builds the defaults):
     * ES and ES-like instruments on ref.instruments, the risk stage's inputs and outputs, and no dead letters.
     */
    private static final class Stage implements AutoCloseable {
        private final String scope = "risk-rules-" + UUID.randomUUID();
        private final Map<String, String> registry = Map.of("schema.registry.url", "mock://" + scope);
        private final TopologyTestDriver driver;
        private final TestOutputTopic<String, RiskDecision> decisions;
        private final TestOutputTopic<String, Order> orders;
        private final TestOutputTopic<String, DeadLetter> deadLetters;

        Stage(RiskConfig rules, String... moreInstruments) {
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            driver = new TopologyTestDriver(EngineTopology.build(TopologyConfig.defaults(registry).withGrace(Duration.ZERO)
                    .withRisk(List.of(ACCOUNT), rules)), props);
            TestInputTopic<String, Instrument> instruments = input(Topics.REF_INSTRUMENTS);
            instruments.pipeInput("ES", TopologyFixture.es(), Instant.EPOCH);
            for (String symbol : moreInstruments) {
                instruments.pipeInput(symbol, Instrument.newBuilder(TopologyFixture.es()).setSymbol(symbol).build(), Instant.EPOCH);
            }
            decisions = output(Topics.RISK_DECISIONS);
            orders = output(Topics.EXEC_ORDERS);
            deadLetters = output(Topics.DLQ_TOPOLOGY);
        }

        void plan(TradePlan plan) {
            input(Topics.SIG_PLANS).pipeInput(plan.getInstrument(), plan, plan.getEventTime());
        }

        /** An ES bias record: the account's bar clock (flat trend, no setups, so it never flattens by itself). */
        void clock(Instant time) {
            input(Topics.SIG_BIAS).pipeInput("ES", RiskStageTest.clock(time, TrendDirection.FLAT), time);
        }

        void report(ExecutionReport report) {
            input(Topics.EXEC_REPORTS).pipeInput(ACCOUNT, report, report.getEventTime());
        }

        void position(Position position) {
            input(Topics.EXEC_POSITIONS).pipeInput(ACCOUNT, position, position.getEventTime());
        }

        void command(ControlCommand command) {
            input(Topics.CONTROL_COMMANDS).pipeInput(ACCOUNT, command, command.getEventTime());
        }

        /** Decisions since the last call, each keyed by the account. */
        List<RiskDecision> decisions() {
            return values(decisions);
        }

        /** Orders since the last call, each keyed by the account. */
        List<Order> orders() {
            return values(orders);
        }

        private static <V> List<V> values(TestOutputTopic<String, V> topic) {
            List<KeyValue<String, V>> records = topic.readKeyValuesToList();
            assertThat(records).allSatisfy(r -> assertThat(r.key).isEqualTo(ACCOUNT));
            return records.stream().map(r -> r.value).toList();
        }

        private <V extends SpecificRecord> TestInputTopic<String, V> input(Topic<String, V> topic) {
            return driver.createInputTopic(topic.name(), Serdes.String().serializer(), topic.valueSerde(registry).serializer());
        }

        private <V extends SpecificRecord> TestOutputTopic<String, V> output(Topic<String, V> topic) {
            return driver.createOutputTopic(topic.name(), Serdes.String().deserializer(), topic.valueSerde(registry).deserializer());
        }

        /** Fails the test when any input was dead-lettered; always closes the driver. */
        @Override
        public void close() {
            try {
                assertThat(deadLetters.readValuesToList()).isEmpty();
            } finally {
                driver.close();
                SchemaRegistries.dropMock(scope);
            }
        }
    }
}
