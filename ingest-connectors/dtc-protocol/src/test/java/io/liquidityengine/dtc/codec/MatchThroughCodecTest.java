package io.liquidityengine.dtc.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.MatchThroughRequest;
import io.liquidityengine.dtc.message.MatchThroughResponse;
import io.liquidityengine.dtc.message.MessageType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The project's clock messages (types 20000 and 20001): byte layout, round trip, shorter frames. */
class MatchThroughCodecTest {

    private final DtcCodec codec = new DtcCodec();

    @Test
    void theRequestIsLaidOutAt128BytesAndRoundTrips() throws Exception {
        MatchThroughRequest m = MatchThroughRequest.builder().requestId(7).symbol("ESZ4").exchange("CME").tradeAccount("Sim1")
                .throughDateTimeMicros(1_733_409_000_123_456L).build();
        byte[] g = codec.encode(m);
        ByteBuffer b = ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(g).hasSize(128);
        assertThat(List2.of(b.getShort(0) & 0xFFFF, b.getShort(2) & 0xFFFF, b.getInt(4))).containsExactly(128, 20_000, 7);
        assertThat(new String(g, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("ESZ4");
        assertThat(g[12]).isZero();
        assertThat(new String(g, 72, 3, StandardCharsets.US_ASCII)).isEqualTo("CME");
        assertThat(new String(g, 88, 4, StandardCharsets.US_ASCII)).isEqualTo("Sim1");
        assertThat(b.getLong(120)).isEqualTo(1_733_409_000_123_456L);
        assertThat(codec.decode(g, 0, g.length)).isEqualTo(m);
        assertThat(DtcCodec.isModelled(MessageType.MATCH_THROUGH_REQUEST)).isTrue();
        assertThat(DtcCodec.structSize(MessageType.MATCH_THROUGH_REQUEST)).isEqualTo(128);
        assertThat(MessageType.name(20_000)).isEqualTo("MATCH_THROUGH_REQUEST");
    }

    @Test
    void theResponseRoundTripsAndAShorterFrameReadsAbsentMembersAsDefaults() throws Exception {
        MatchThroughResponse m = MatchThroughResponse.builder().requestId(9).matchedThroughMicros(1_733_409_005_000_000L).tradesMatched(2)
                .rejected(1).rejectText("unknown symbol NQZ4").build();
        byte[] g = codec.encode(m);
        ByteBuffer b = ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(List2.of(b.getShort(0) & 0xFFFF, b.getShort(2) & 0xFFFF, b.getInt(4), b.getInt(16), (int) g[20]))
                .containsExactly(128, 20_001, 9, 2, 1);
        assertThat(b.getLong(8)).isEqualTo(1_733_409_005_000_000L);
        assertThat(new String(g, 21, 19, StandardCharsets.US_ASCII)).isEqualTo("unknown symbol NQZ4");
        DtcMessage decoded = codec.decode(g, 0, g.length);
        assertThat(decoded).isEqualTo(m);
        assertThat(MessageType.name(20_001)).isEqualTo("MATCH_THROUGH_RESPONSE");

        // an older, shorter frame: the header and the request id only
        byte[] shorter = Arrays.copyOf(g, 8);
        shorter[0] = 8;
        assertThat(codec.decode(shorter, 0, shorter.length)).isEqualTo(MatchThroughResponse.builder().requestId(9).build());
    }

    /** A list of ints without boxing noise in the assertions. */
    private static final class List2 {
        static java.util.List<Integer> of(int... values) {
            return Arrays.stream(values).boxed().toList();
        }
    }
}
