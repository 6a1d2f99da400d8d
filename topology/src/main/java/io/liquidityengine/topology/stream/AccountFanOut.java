package io.liquidityengine.topology.stream;

import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Instrument-keyed signals -> one copy per trading account, keyed by account, so the risk stage
 * (keyed by account) sees every plan and bar clock of every instrument the account trades.
 */
final class AccountFanOut<V> implements Processor<String, V, String, V> {

    private final List<String> accounts;
    private final String sink;
    private ProcessorContext<String, V> context;

    AccountFanOut(List<String> accounts, String sink) {
        this.accounts = List.copyOf(accounts);
        this.sink = sink;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
        for (String account : accounts) {
            context.forward(record.withKey(account), sink);
        }
    }
}
