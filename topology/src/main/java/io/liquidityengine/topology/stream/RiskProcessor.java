package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.risk.AccountSignal;
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
 */
final class RiskProcessor implements Processor<String, Object, String, Object> {

    static final String STORE = "account-risk";

    private final RiskConfig config;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> store;
    private KeyValueStore<String, Instrument> instruments;
    private DeadLetterCounter deadLetters;

    RiskProcessor(RiskConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.instruments = context.getStateStore(EngineTopology.INSTRUMENTS_STORE);
        this.deadLetters = new DeadLetterCounter(context, "risk");
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
        List<OrderInstruction> orders = new ArrayList<>();
        try {
            Object value = record.value() instanceof AccountSignal signal ? signal.getEvent() : record.value();
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
            } else if (value instanceof ExecutionReport report) {
                orders.addAll(risk.onExecution(RiskMapping.execution(report), terms(report.getInstrument())));
            } else if (value instanceof Position position) {
                orders.addAll(risk.onPosition(RiskMapping.position(position), terms(position.getInstrument())));
            } else if (value instanceof ControlCommand command) {
                orders.addAll(risk.onCommand(RiskMapping.command(command)));
            } else {
                reject(record, DeadLetterReason.INVALID_VALUE, "unexpected record type " + (value == null ? "null" : value.getClass().getName()));
                return;
            }
        } catch (IllegalArgumentException e) {
            // the record itself is bad (a value the domain refuses); the account state is left as it was
            reject(record, DeadLetterReason.INVALID_VALUE, e.getMessage());
            return;
        }
        for (OrderInstruction order : orders) {
            forward(account, RiskMapping.order(order), order.eventMicros(), EngineTopology.ORDERS_OUT);
        }
        store.put(account, AccountRiskCodec.encode(risk));
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
