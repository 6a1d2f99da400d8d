package io.liquidityengine.dtc.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidityengine.dtc.codec.DtcProtocolException.Reason;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.UnknownMessage;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Arbitrary bytes through {@link FrameReader} and {@link DtcCodec}: only a {@link DtcProtocolException}
 * (or success) may come out, and decode/encode must reach a fixed point after one round.
 *
 * <p>In {@code ./mvnw verify} this runs the seeds in {@code DtcDecodeFuzzTestInputs/decodeStream/}
 * (every vector frame, the whole vector stream and edge cases). {@code JAZZER_FUZZ=1} fuzzes; see the
 * module README for the command.
 */
class DtcDecodeFuzzTest {

    private static final int MAX_FRAME = 2048; // small, so that FRAME_TOO_LONG is reachable

    @FuzzTest(maxDuration = "5m")
    void decodeStream(byte[] input) {
        DtcCodec codec = new DtcCodec(MAX_FRAME);
        FrameReader reader = new FrameReader(MAX_FRAME);
        List<DtcMessage> viaReader = new ArrayList<>();
        Reason readerFailure = null;
        long failureOffset = -1;

        // feed in chunks whose size depends on the input, so splits land everywhere
        int chunk = 1 + (input.length % 97);
        long expectedOffset = 0;
        outer:
        for (int at = 0; at < input.length; at += chunk) {
            reader.feed(input, at, Math.min(chunk, input.length - at));
            while (true) {
                DtcMessage m;
                try {
                    m = reader.nextMessage(codec);
                } catch (DtcProtocolException e) {
                    check(e.reason() == Reason.FRAME_TOO_SHORT || e.reason() == Reason.FRAME_TOO_LONG, "reason " + e);
                    check(reader.failed(), "reader not failed after " + e);
                    check(e.offset() == expectedOffset, "error offset " + e.offset() + " != " + expectedOffset);
                    readerFailure = e.reason();
                    failureOffset = e.offset();
                    break outer;
                }
                if (m == null) {
                    break;
                }
                check(reader.frameOffset() == expectedOffset, "frame offset");
                expectedOffset += reader.frameLength();
                viaReader.add(m);
                checkRoundTrip(codec, m);
            }
        }
        if (readerFailure == null) {
            try {
                reader.endOfStream();
                check(expectedOffset == input.length, "clean end before the input's end");
            } catch (DtcProtocolException e) {
                check(e.reason() == Reason.TRUNCATED, "end of stream: " + e);
                check(e.offset() == expectedOffset && e.bytes().length == input.length - expectedOffset, "truncated bytes");
                readerFailure = Reason.TRUNCATED;
                failureOffset = e.offset();
            }
        }

        // the same bytes decoded frame by frame from one ByteBuffer must give the same messages and error
        ByteBuffer b = ByteBuffer.wrap(input);
        List<DtcMessage> viaBuffer = new ArrayList<>();
        Reason bufferFailure = null;
        while (b.hasRemaining()) {
            try {
                viaBuffer.add(codec.decode(b));
            } catch (DtcProtocolException e) {
                bufferFailure = e.reason();
                check(e.offset() == b.position(), "buffer error offset");
                check(bufferFailure != Reason.TRUNCATED || failureOffset == b.position(), "truncated at another offset");
                break;
            }
        }
        check(viaBuffer.equals(viaReader), "reader and buffer decode differ");
        check(bufferFailure == readerFailure, "reader failed with " + readerFailure + ", buffer with " + bufferFailure);
    }

    /** decode(encode(m)) reaches a fixed point at once, and equals m unless text had to change. */
    private static void checkRoundTrip(DtcCodec codec, DtcMessage m) {
        byte[] b1 = codec.encode(m);
        DtcMessage m2;
        byte[] b2;
        try {
            m2 = codec.decode(b1, 0, b1.length);
            b2 = codec.encode(m2);
            check(codec.decode(b2, 0, b2.length).equals(m2), "decode(encode(m2)) != m2 for " + m2);
        } catch (DtcProtocolException e) {
            throw new AssertionError("re-encoded frame does not decode: " + m, e);
        }
        check(Arrays.equals(b1, b2), "encode(decode(encode(m))) != encode(m) for " + m);
        check(b1.length == DtcCodec.encodedSize(m), "encodedSize");
        // text decoded as UTF-8 re-encodes to the same bytes; only ISO-8859-1 fallback text may change
        if (m instanceof UnknownMessage || asciiText(m)) {
            check(m2.equals(m), "decode(encode(m)) != m for " + m + " vs " + m2);
        }
    }

    private static boolean asciiText(DtcMessage m) {
        try {
            for (RecordComponent c : m.getClass().getRecordComponents()) {
                if (c.getType() == String.class) {
                    String s = (String) c.getAccessor().invoke(m);
                    for (int i = 0; i < s.length(); i++) {
                        if (s.charAt(i) >= 0x80) {
                            return false;
                        }
                    }
                }
            }
            return true;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
