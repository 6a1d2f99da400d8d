package io.liquidityengine.dtc.session;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidityengine.dtc.codec.DtcCodec;
import io.liquidityengine.dtc.codec.DtcProtocolException;
import io.liquidityengine.dtc.codec.FrameReader;
import io.liquidityengine.dtc.message.DtcMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Arbitrary bytes from a peer through {@link DtcConnection#read()}, the blocking reader the client
 * and the server use: only a {@link DtcProtocolException} (or the end of the stream) may come out,
 * the connection must decode exactly what {@link FrameReader} decodes from the same bytes, and an
 * error must name the offset of the bad frame. {@code ./mvnw verify} runs the seeds in
 * {@code DtcConnectionFuzzTestInputs/readStream/}; {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class DtcConnectionFuzzTest {

    private static final int MAX_FRAME = 2048;

    @FuzzTest(maxDuration = "2m")
    void readStream(byte[] input) throws IOException {
        DtcConnection connection = new DtcConnection(new ByteArrayInputStream(input), new ByteArrayOutputStream(), () -> { },
                "fuzz", MAX_FRAME);
        List<DtcMessage> read = new ArrayList<>();
        DtcProtocolException error = null;
        try {
            for (DtcMessage m; (m = connection.read()) != null; ) {
                read.add(m);
            }
        } catch (DtcProtocolException e) {
            error = e;
        }

        // the same bytes through the incremental reader
        DtcCodec codec = new DtcCodec(MAX_FRAME);
        FrameReader reader = new FrameReader(MAX_FRAME);
        reader.feed(input, 0, input.length);
        List<DtcMessage> expected = new ArrayList<>();
        DtcProtocolException expectedError = null;
        long consumed = 0;
        try {
            for (DtcMessage m; (m = reader.nextMessage(codec)) != null; ) {
                expected.add(m);
                consumed += reader.frameLength();
            }
            if (consumed < input.length) {
                reader.endOfStream(); // bytes left inside a frame: TRUNCATED
            }
        } catch (DtcProtocolException e) {
            expectedError = e;
        }
        check(read.equals(expected), "messages differ: " + read.size() + " read, " + expected.size() + " expected");
        check((error == null) == (expectedError == null), "errors differ: " + error + " vs " + expectedError);
        if (error != null) {
            check(error.reason() == expectedError.reason(), "reason " + error.reason() + " vs " + expectedError.reason());
            check(error.offset() == consumed, "error at offset " + error.offset() + ", frames end at " + consumed);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
