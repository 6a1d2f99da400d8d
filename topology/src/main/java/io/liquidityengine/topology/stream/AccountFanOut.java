package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.signals.TradePlan;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Instrument-keyed plans and bias records -> one copy per trading account, keyed by account, in one
 * stream, so the risk stage (keyed by account) sees every plan and bar clock of every instrument the
 * account trades in the event-time order this task read them in.
 */
final class AccountFanOut implements Processor<String, Object, String, AccountSignal> {

    private final List<String> accounts;
    private final String sink;
    private ProcessorContext<String, AccountSignal> context;

    AccountFanOut(List<String> accounts, String sink) {
        this.accounts = List.copyOf(accounts);
        this.sink = sink;
    }

    @Override
    public void init(ProcessorContext<String, AccountSignal> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Object> record) {
        AccountSignal signal = new AccountSignal(record.value());
        for (String account : accounts) {
            context.forward(new Record<>(account, signal, record.timestamp()), sink);
        }
        if (record.value() instanceof TradePlan) {
            // the risk stage sees the copies at the next commit; a plan should not wait for the interval
            context.commit();
        }
    }
}
