package io.liquidityengine.execution.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.TreeMap;

/**
 * {@link SinkState} to and from the JSON document stored in {@code ExecutionSinkState.state}.
 * Decimals are written in full (BigDecimal text), ids are sorted so equal states encode equally.
 */
public final class StateCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StateCodec() {
    }

    public static String encode(SinkState state) {
        try {
            return JSON.writeValueAsString(new SinkState(state.formatVersion(), new TreeMap<>(state.executedOrderIds()),
                    state.brackets(), state.paperBrackets(), state.lastEventMicros(), state.lockstep()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the sink state: " + e.getMessage(), e);
        }
    }

    public static SinkState decode(String json) {
        try {
            SinkState state = JSON.readValue(json, SinkState.class);
            if (state.formatVersion() != SinkState.FORMAT_VERSION && state.formatVersion() != 1) {
                throw new IllegalStateException("sink state format " + state.formatVersion() + " is not supported (expected "
                        + SinkState.FORMAT_VERSION + ")");
            }
            return state;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode the sink state: " + e.getMessage(), e);
        }
    }
}
