package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds {@code dlq.topology} records that say what was rejected, why and where it came from. */
final class DeadLetterRecords {

    private DeadLetterRecords() {
    }

    static DeadLetter of(String stage, RecordMetadata metadata, DeadLetterReason reason, String detail, byte[] payload, Instant eventTime) {
        String origin = metadata == null ? "unknown" : metadata.topic() + "-" + metadata.partition();
        long offset = metadata == null ? -1 : metadata.offset();
        return DeadLetter.newBuilder()
                .setSource("topology." + stage)
                .setOrigin(origin)
                .setPosition(offset)
                .setPositionKind(metadata == null ? PositionKind.NONE : PositionKind.KAFKA_OFFSET)
                .setReason(reason)
                .setDetail(detail)
                .setPayload(ByteBuffer.wrap(payload == null ? new byte[0] : payload))
                .setEventTime(eventTime)
                .build();
    }
}
