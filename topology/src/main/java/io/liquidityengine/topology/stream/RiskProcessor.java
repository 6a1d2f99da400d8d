package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.risk.RiskClock;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.TradePlan;
import io.liquidityengine.topology.domain.position.OrderInstruction;
import io.liquidityengine.topology.domain.risk.AccountRisk;
import io.liquidityengine.topology.domain.risk.AccountRiskCodec;
import io.liquidityengine.topology.domain.risk.InstrumentTerms;
import io.liquidityengine.topology.domain.risk.RiskConfig;
import io.liquidityengine.topology.domain.risk.RiskOutcome;
import io.liquidityengine.topology.domain.trend.TrendDirection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The risk stage, keyed by account: plans -> a decision on risk.decisions (APPROVED with a quantity
 * or REJECTED with a reason and the numbers behind it) and, when approved, bracket orders on
 * exec.orders; amended and cancelled plans -> MODIFY / CANCEL. Fills and positions from the
 * execution sink update the account (P&L, open positions, break-even after T1); control commands
 * are the kill switch; the bias of every base bar is the account's event-time clock (trading window,
 * flatten time, day rollover) and its trend and setups flatten positions they turned against.
 * The whole account state lives in one changelogged store entry.
 *
 * <p>In a backtest ({@code lockstep}) the stage also runs the {@link RiskLockstep} protocol with the
 * execution sink: signals wait for the sink's market clock while the account has brackets, and the
 * stage publishes how far its orders are decided to risk.clock.
 */
final class RiskProcessor implements Processor<String, Object, String, Object> {

    static final String STORE = "account-risk";

    static final String LOCKSTEP_STORE = "risk-lockstep";

    private final RiskConfig config;
    private final boolean lockstep;
    private KeyValueStore<String, byte[]> lockstepStore;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> store;
    private KeyValueStore<String, Instrument> instruments;
    private DeadLetterCounter deadLetters;

    RiskProcessor(RiskConfig config, boolean lockstep) {
        this.config = config;
        this.lockstep = lockstep;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.instruments = context.getStateStore(EngineTopology.INSTRUMENTS_STORE);
        this.deadLetters = new DeadLetterCounter(context, "risk");
        if (lockstep) {
            this.lockstepStore = context.getStateStore(LOCKSTEP_STORE);
        }
    }

    @Override
    public void process(Record<String, Object> record) {
        String account = record.key();
        if (account == null) {
            reject(record, DeadLetterReason.INVALID_VALUE, "record without an account key");
            return;
        }
        byte[] bytes = store.get(account);
        AccountRisk risk = bytes == null ? new AccountRisk(account, config) : AccountRiskCodec.decode(bytes, config);
        RiskLockstep lockstep = this.lockstep ? RiskLockstep.decode(lockstepStore.get(account)) : null;
        List<OrderInstruction> orders = new ArrayList<>();
        try {
            Object value = record.value();
            if (value instanceof AccountSignal signal) {
                if (lockstep == null || lockstep.mayDecide(RiskLockstep.eventMicros(signal), !risk.brackets().isEmpty())) {
                    decide(account, risk, signal, orders);
                    if (lockstep != null) {
                        lockstep.decided(RiskLockstep.eventMicros(signal));
                    }
                } else {
                    lockstep.hold(signal);
                }
            } else if (value instanceof ExecutionReport report) {
                orders.addAll(risk.onExecution(RiskMapping.execution(report), terms(report.getInstrument())));
                if (lockstep != null) {
                    lockstep.reportProcessed();
                }
            } else if (value instanceof Position position) {
                orders.addAll(risk.onPosition(RiskMapping.position(position), terms(position.getInstrument())));
                if (lockstep != null) {
                    lockstep.positionProcessed();
                }
            } else if (value instanceof ControlCommand command) {
                orders.addAll(risk.onCommand(RiskMapping.command(command)));
            } else if (value instanceof MarketClock clock) {
                if (lockstep != null) {
                    lockstep.market(clock);
                }
            } else {
                reject(record, DeadLetterReason.INVALID_VALUE, "unexpected record type " + (value == null ? "null" : value.getClass().getName()));
                return;
            }
            if (lockstep != null) {
                // signals the market has caught up with, in event-time order
                for (AccountSignal next = lockstep.release(!risk.brackets().isEmpty()); next != null;
                     next = lockstep.release(!risk.brackets().isEmpty())) {
                    decide(account, risk, next, orders);
                    lockstep.decided(RiskLockstep.eventMicros(next));
                }
            }
        } catch (IllegalArgumentException e) {
            // the record itself is bad (a value the domain refuses); the account state is left as it was
            reject(record, DeadLetterReason.INVALID_VALUE, e.getMessage());
            return;
        }
        for (OrderInstruction order : orders) {
            forward(account, RiskMapping.order(order), order.eventMicros(), EngineTopology.ORDERS_OUT);
        }
        if (!orders.isEmpty()) {
            // the execution sink reads exec.orders read_committed: commit now rather than at the interval
            context.commit();
        }
        store.put(account, AccountRiskCodec.encode(risk));
        if (lockstep != null) {
            lockstep.ordersEmitted(orders.size());
            RiskClock clock = lockstep.changedClock(account);
            if (clock != null) {
                forward(account, clock, Micros.of(clock.getEventTime()), EngineTopology.RISK_CLOCK_OUT);
            }
            lockstepStore.put(account, lockstep.encode());
        }
    }

    /** A plan (decision, and orders when approved) or a bar clock (time rules, trend against open positions). */
    private void decide(String account, AccountRisk risk, AccountSignal signal, List<OrderInstruction> orders) {
        Object value = signal.getEvent();
        if (value instanceof TradePlan plan) {
            InstrumentTerms terms = terms(plan.getInstrument());
            RiskOutcome outcome = risk.onPlan(RiskMapping.plan(plan), terms, Micros.of(plan.getEventTime()));
            forward(account, RiskMapping.decision(outcome.decision()), outcome.decision().eventMicros(), EngineTopology.DECISIONS_OUT);
            orders.addAll(outcome.orders());
        } else if (value instanceof Bias bias) {
            long micros = Micros.of(bias.getEventTime());
            orders.addAll(risk.onTime(micros, tradedTerms(risk, bias.getInstrument())));
            orders.addAll(risk.onTrend(bias.getInstrument(), TrendDirection.valueOf(bias.getTrend().name()),
                    bias.getLongSetup(), bias.getShortSetup(), micros));
            // after the trend: a position flattened on this bar gets no target move
            orders.addAll(risk.onBiasTargets(bias.getInstrument(), bias.getLongTargets(), bias.getShortTargets(), micros));
        } else {
            throw new IllegalArgumentException("account signal without a plan or bias: " + value);
        }
    }

    /** Terms of an instrument; null when unknown (the domain rejects the plan with UNKNOWN_INSTRUMENT). */
    private InstrumentTerms terms(String symbol) {
        Instrument instrument = instruments.get(symbol);
        return instrument == null ? null : RiskMapping.terms(instrument);
    }

    /** The instrument of the clock record and every instrument the account holds brackets in, by symbol. */
    private List<InstrumentTerms> tradedTerms(AccountRisk risk, String clockInstrument) {
        Map<String, InstrumentTerms> out = new TreeMap<>();
        InstrumentTerms own = terms(clockInstrument);
        if (own != null) {
            out.put(clockInstrument, own);
        }
        risk.brackets().values().forEach(b -> {
            InstrumentTerms t = terms(b.instrument());
            if (t != null) {
                out.put(b.instrument(), t);
            }
        });
        return new ArrayList<>(out.values());
    }

    private void forward(String account, Object value, long eventMicros, String sink) {
        context.forward(new Record<>(account, value, Math.floorDiv(eventMicros, 1000)), sink);
    }

    private void reject(Record<String, Object> record, DeadLetterReason reason, String detail) {
        DeadLetter letter = DeadLetterRecords.of("risk", context.recordMetadata().orElse(null), reason, detail,
                String.valueOf(record.value()).getBytes(StandardCharsets.UTF_8), null);
        deadLetters.record(reason);
        context.forward(new Record<String, Object>(letter.getSource(), letter, record.timestamp()), EngineTopology.DLQ_OUT);
    }
}
