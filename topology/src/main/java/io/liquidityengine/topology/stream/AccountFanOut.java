package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.signals.TradePlan;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Instrument-keyed plans and bias records -> one copy per trading account, keyed by account, so the
 * risk stage (keyed by account) sees every plan and bar clock of every instrument the account trades,
 * in the event-time order this task read them in.
 */
final class AccountFanOut implements Processor<String, Object, String, Object> {

    private final List<String> accounts;
    private final String plansSink;
    private final String biasSink;
    private ProcessorContext<String, Object> context;

    AccountFanOut(List<String> accounts, String plansSink, String biasSink) {
        this.accounts = List.copyOf(accounts);
        this.plansSink = plansSink;
        this.biasSink = biasSink;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Object> record) {
        String sink = record.value() instanceof TradePlan ? plansSink : biasSink;
        for (String account : accounts) {
            context.forward(record.withKey(account), sink);
        }
    }
}
