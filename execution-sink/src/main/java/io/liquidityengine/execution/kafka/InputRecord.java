package io.liquidityengine.execution.kafka;

import io.liquidityengine.schemas.lockstep.LockstepRules;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A decoded input waiting in its partition's queue, ordered for the event-time merge by
 * (event time, kind, topic, partition, offset): at equal event times ticks go before orders, so an
 * order decided at time t only fills on trades after t.
 */
record InputRecord(long eventMicros, int kind, ConsumerRecord<byte[], byte[]> record, Object value, String decodeError)
        implements Comparable<InputRecord> {

    static final int TICK = 0;
    static final int ORDER = 1;

    @Override
    public int compareTo(InputRecord o) {
        int c = LockstepRules.compareSinkInputs(eventMicros, kind == TICK, o.eventMicros, o.kind == TICK);
        if (c == 0) {
            c = record.topic().compareTo(o.record.topic());
        }
        if (c == 0) {
            c = Integer.compare(record.partition(), o.record.partition());
        }
        return c != 0 ? c : Long.compare(record.offset(), o.record.offset());
    }
}
