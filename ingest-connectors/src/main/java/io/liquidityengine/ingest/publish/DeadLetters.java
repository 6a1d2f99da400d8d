package io.liquidityengine.ingest.publish;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import java.nio.ByteBuffer;

/** Turns parser problems into {@code dlq.ingest} records. */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static DeadLetter from(String sourceId, ParseProblem problem) {
        return DeadLetter.newBuilder()
                .setSource("ingest." + sourceId)
                .setOrigin(problem.origin())
                .setPosition(problem.position())
                .setPositionKind(switch (problem.positionKind()) {
                    case BYTE_OFFSET -> PositionKind.BYTE_OFFSET;
                    case LINE_NUMBER -> PositionKind.LINE;
                    case RECORD_INDEX -> PositionKind.RECORD_INDEX;
                })
                .setReason(DeadLetterReason.valueOf(problem.reason().name()))
                .setDetail(problem.detail())
                .setPayload(ByteBuffer.wrap(problem.raw()))
                .build();
    }
}
