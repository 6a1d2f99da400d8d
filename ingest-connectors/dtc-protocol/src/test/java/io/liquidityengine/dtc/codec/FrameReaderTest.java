package io.liquidityengine.dtc.codec;

import static io.liquidityengine.dtc.codec.DtcCodecTest.assertThrows;
import static io.liquidityengine.dtc.codec.DtcCodecTest.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.dtc.codec.DtcProtocolException.Reason;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.MarketDataUpdateTrade;
import io.liquidityengine.dtc.message.UnknownMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private final DtcCodec codec = new DtcCodec();

    /** All 38 vector frames back to back, then an unknown type 999 of 13 bytes, then a trade again. */
    private static final byte[] STREAM;
    private static final List<Long> OFFSETS = new ArrayList<>();
    private static final List<byte[]> FRAMES = new ArrayList<>();
    private static final byte[] UNKNOWN = {13, 0, (byte) 0xE7, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    static {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TestVectors.Vector v : TestVectors.all()) {
            OFFSETS.add((long) out.size());
            FRAMES.add(v.bytes());
            out.writeBytes(v.bytes());
        }
        for (byte[] extra : List.of(UNKNOWN, DtcCodecTest.vector("MarketDataUpdateTrade").bytes())) {
            OFFSETS.add((long) out.size());
            FRAMES.add(extra);
            out.writeBytes(extra);
        }
        STREAM = out.toByteArray();
    }

    private record Seen(long offset, int type, byte[] bytes, DtcMessage message) {
    }

    /** Feeds the stream in chunks of {@code chunk} bytes and collects every frame. */
    private List<Seen> readInChunks(byte[] stream, int chunk, boolean viaByteBuffer) throws DtcProtocolException {
        FrameReader r = new FrameReader();
        List<Seen> seen = new ArrayList<>();
        for (int at = 0; at < stream.length; at += chunk) {
            int n = Math.min(chunk, stream.length - at);
            if (viaByteBuffer) {
                ByteBuffer b = ByteBuffer.wrap(stream, at, n);
                r.feed(b);
                assertThat(b.hasRemaining()).isFalse();
            } else {
                r.feed(stream, at, n);
            }
            while (r.next()) {
                byte[] f = Arrays.copyOfRange(r.frameArray(), r.frameStart(), r.frameStart() + r.frameLength());
                seen.add(new Seen(r.frameOffset(), r.frameType(), f,
                        codec.decode(r.frameArray(), r.frameStart(), r.frameLength())));
                assertThat(r.frame().remaining()).isEqualTo(f.length);
            }
        }
        r.endOfStream();
        assertThat(r.position()).isEqualTo(stream.length);
        assertThat(r.buffered()).isZero();
        return seen;
    }

    @Test
    void splitsTheStreamWhateverTheChunkSizes() throws DtcProtocolException {
        for (int chunk : new int[] {1, 2, 3, 4, 5, 7, 13, 39, 40, 41, 100, 719, 720, 721, 4096, STREAM.length}) {
            for (boolean viaByteBuffer : new boolean[] {false, true}) {
                List<Seen> seen = readInChunks(STREAM, chunk, viaByteBuffer);
                assertThat(seen).as("chunk %d", chunk).hasSize(FRAMES.size());
                for (int i = 0; i < seen.size(); i++) {
                    assertThat(seen.get(i).offset()).as("chunk %d frame %d", chunk, i).isEqualTo(OFFSETS.get(i));
                    assertThat(seen.get(i).bytes()).isEqualTo(FRAMES.get(i));
                    assertThat(seen.get(i).type()).isEqualTo(FRAMES.get(i)[2] & 0xFF | (FRAMES.get(i)[3] & 0xFF) << 8);
                }
            }
        }
    }

    @Test
    void unknownTypeIsSkippedBySize() throws DtcProtocolException {
        List<Seen> seen = readInChunks(STREAM, 17, false);
        Seen unknown = seen.get(38);
        assertThat(unknown.message()).isEqualTo(new UnknownMessage(999, UNKNOWN));
        assertThat(unknown.offset()).isEqualTo(STREAM.length - 13 - 40);
        assertThat(seen.get(39).message()).isInstanceOf(MarketDataUpdateTrade.class);
        assertThat(seen.get(39).offset()).isEqualTo(STREAM.length - 40);
    }

    @Test
    void nextMessageDecodesInPlace() throws DtcProtocolException {
        FrameReader r = new FrameReader();
        r.feed(STREAM);
        List<DtcMessage> ms = new ArrayList<>();
        for (DtcMessage m; (m = r.nextMessage(codec)) != null; ) {
            ms.add(m);
        }
        assertThat(ms).hasSize(FRAMES.size());
        for (int i = 0; i < ms.size(); i++) {
            assertThat(ms.get(i)).isEqualTo(codec.decode(FRAMES.get(i), 0, FRAMES.get(i).length));
        }
        assertThat(r.nextMessage(codec)).isNull();
    }

    @Test
    void aChunkBiggerThanTheBufferGrowsIt() throws DtcProtocolException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 40; i++) {
            out.writeBytes(STREAM); // ~300 KB, more than the initial 64 KiB buffer in one feed
        }
        byte[] big = out.toByteArray();
        FrameReader r = new FrameReader();
        r.feed(big);
        int n = 0;
        while (r.next()) {
            assertThat(r.frameOffset()).isEqualTo((long) (n / FRAMES.size()) * STREAM.length + OFFSETS.get(n % FRAMES.size()));
            n++;
        }
        assertThat(n).isEqualTo(40 * FRAMES.size());
        // then small chunks again: the buffer is reused
        r.feed(FRAMES.get(0));
        assertThat(r.next()).isTrue();
        assertThat(r.frameOffset()).isEqualTo(big.length);
    }

    @Test
    void frameAccessorsNeedACurrentFrame() throws DtcProtocolException {
        FrameReader r = new FrameReader();
        assertThatThrownBy(r::frameStart).isInstanceOf(IllegalStateException.class);
        r.feed(FRAMES.get(0));
        assertThat(r.next()).isTrue();
        assertThat(r.frameLength()).isEqualTo(16);
        r.feed(new byte[] {1});
        assertThatThrownBy(r::frameArray).isInstanceOf(IllegalStateException.class); // feeding may move it
        assertThat(r.next()).isFalse();
        assertThatThrownBy(r::frameOffset).isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------------ errors

    @Test
    void sizeBelowFourIsAnErrorAtItsOffsetAndTheReaderStaysFailed() throws DtcProtocolException {
        for (int size = 0; size < 4; size++) {
            byte[] bad = {(byte) size, 0, 3, 0, 9, 9};
            FrameReader r = new FrameReader();
            r.feed(concat(FRAMES.get(0), FRAMES.get(1), bad));
            assertThat(r.next()).isTrue();
            assertThat(r.next()).isTrue();
            DtcProtocolException e = assertThrows(r::next);
            assertThat(e.reason()).isEqualTo(Reason.FRAME_TOO_SHORT);
            assertThat(e.offset()).isEqualTo(32);
            assertThat(e.bytes()).isEqualTo(bad);
            assertThat(r.failed()).isTrue();
            // cannot resync: the same error again, and fed bytes are dropped
            r.feed(FRAMES.get(0));
            r.feed(ByteBuffer.wrap(FRAMES.get(0)));
            assertThat(assertThrows(r::next)).isSameAs(e);
            assertThat(assertThrows(r::endOfStream)).isSameAs(e);
            assertThat(assertThrows(() -> r.nextMessage(codec))).isSameAs(e);
        }
    }

    @Test
    void sizeAboveTheMaximumIsAnErrorAtItsOffset() {
        FrameReader r = new FrameReader(512);
        byte[] ou = DtcCodecTest.vector("OrderUpdate").bytes(); // 720 bytes
        r.feed(concat(FRAMES.get(0), ou));
        DtcProtocolException e = assertThrows(() -> {
            while (r.next()) {
                assertThat(r.frameOffset()).isZero();
            }
        });
        assertThat(e.reason()).isEqualTo(Reason.FRAME_TOO_LONG);
        assertThat(e.offset()).isEqualTo(16);
        assertThat(e.bytes()).isEqualTo(Arrays.copyOf(ou, 64));
        assertThat(e.getMessage()).contains("Size 720", "512");
        assertThat(new FrameReader().maxFrameSize()).isEqualTo(DtcCodec.DEFAULT_MAX_FRAME_SIZE);
        assertThatThrownBy(() -> new FrameReader(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badSizeIsReportedAsSoonAsTheSizeFieldIsComplete() throws DtcProtocolException {
        FrameReader r = new FrameReader();
        r.feed(new byte[] {2});
        assertThat(r.next()).isFalse();
        r.feed(new byte[] {0, 5});
        assertThat(r.next()).isFalse(); // 3 bytes: the header is not complete yet
        r.feed(new byte[] {0});
        assertThat(assertThrows(r::next).reason()).isEqualTo(Reason.FRAME_TOO_SHORT);
    }

    @Test
    void streamEndingInsideAFrameIsTruncated() throws DtcProtocolException {
        byte[] trade = FRAMES.get(FRAMES.size() - 1);
        for (int cut = 1; cut < trade.length; cut++) {
            FrameReader r = new FrameReader();
            r.feed(FRAMES.get(0));
            r.feed(trade, 0, cut);
            assertThat(r.next()).isTrue();
            assertThat(r.next()).isFalse();
            DtcProtocolException e = assertThrows(r::endOfStream);
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(e.offset()).isEqualTo(16);
            assertThat(e.bytes()).isEqualTo(Arrays.copyOf(trade, cut));
            assertThat(r.failed()).isTrue();
        }
        FrameReader clean = new FrameReader();
        clean.endOfStream(); // nothing fed: fine
        clean.feed(FRAMES.get(0));
        assertThat(clean.next()).isTrue();
        clean.endOfStream();
    }
}
