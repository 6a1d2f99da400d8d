package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Raw bytes -> Avro value. Sources read bytes and decode here, so an undecodable record becomes a
 * dead letter inside the same exactly-once transaction instead of stopping the application.
 */
final class DecodeProcessor<V> implements Processor<String, byte[], String, Object> {

    private final String stage;
    private final Deserializer<V> deserializer;
    private final String next;
    private ProcessorContext<String, Object> context;
    private DeadLetterCounter deadLetters;

    DecodeProcessor(String stage, Deserializer<V> deserializer, String next) {
        this.stage = stage;
        this.deserializer = deserializer;
        this.next = next;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.deadLetters = new DeadLetterCounter(context, stage);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return; // tombstones carry nothing for stream stages
        }
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("?");
        V value;
        try {
            value = deserializer.deserialize(topic, record.value());
        } catch (RuntimeException e) {
            DeadLetter letter = DeadLetterRecords.of(stage, context.recordMetadata().orElse(null), DeadLetterReason.DESERIALIZATION_FAILED,
                    e.getMessage() == null ? e.getClass().getName() : e.getMessage(), record.value(), null);
            deadLetters.record(DeadLetterReason.DESERIALIZATION_FAILED);
            context.forward(new Record<String, Object>(letter.getSource(), letter, record.timestamp()), EngineTopology.DLQ_OUT);
            return;
        }
        context.forward(new Record<String, Object>(record.key(), value, record.timestamp()), next);
    }
}
