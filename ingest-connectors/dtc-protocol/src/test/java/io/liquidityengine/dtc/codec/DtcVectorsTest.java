package io.liquidityengine.dtc.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.dtc.codec.TestVectors.Vector;
import io.liquidityengine.dtc.message.DtcMessage;
import java.lang.reflect.RecordComponent;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector decodes to exactly its fields, and encoding its fields on the defaults gives its bytes. */
class DtcVectorsTest {

    private final DtcCodec codec = new DtcCodec();

    static List<Vector> vectors() {
        return TestVectors.all();
    }

    @Test
    void vectorFileHoldsTheExpectedEntries() {
        assertThat(vectors()).hasSize(38);
        assertThat(vectors()).allSatisfy(v -> assertThat(v.bytes()).hasSize(v.size()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesToExactlyTheListedFields(Vector v) throws DtcProtocolException {
        DtcMessage m = codec.decode(v.bytes(), 0, v.bytes().length);

        assertThat(m.getClass().getSimpleName()).isEqualTo(v.message());
        assertThat(m.type()).isEqualTo(v.type());
        for (Map.Entry<String, Object> f : v.fields().entrySet()) {
            RecordComponent c = TestVectors.component(m.getClass(), f.getKey());
            Object expected = TestVectors.convert(f.getValue(), c.getType(), f.getKey());
            assertThat(TestVectors.get(m, c)).as("%s.%s", v.label(), f.getKey()).isEqualTo(expected);
        }
        // members not listed hold the header's defaults (zero or the Clear() value)
        assertThat(m).isEqualTo(TestVectors.build(m.getClass(), v.fields()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodingTheFieldsOnTheDefaultsGivesTheBytes(Vector v) {
        DtcMessage m = TestVectors.build(TestVectors.recordClass(v.message()), v.fields());

        assertThat(HexFormat.of().formatHex(codec.encode(m))).isEqualTo(HexFormat.of().formatHex(v.bytes()));
        assertThat(DtcCodec.encodedSize(m)).isEqualTo(v.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorHeaderHoldsSizeAndType(Vector v) {
        assertThat(v.bytes()[0] & 0xFF | (v.bytes()[1] & 0xFF) << 8).isEqualTo(v.size());
        assertThat(v.bytes()[2] & 0xFF | (v.bytes()[3] & 0xFF) << 8).isEqualTo(v.type());
        assertThat(DtcCodec.structSize(v.type())).isEqualTo(v.size());
    }
}
