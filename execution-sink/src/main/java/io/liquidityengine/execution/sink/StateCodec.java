package io.liquidityengine.execution.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SinkState} to and from the JSON document stored in {@code ExecutionSinkState.state}.
 * Decimals are written in full (BigDecimal text), ids are sorted so equal states encode equally,
 * broker states are base64 text.
 *
 * <p>Formats 1 and 2 were written when the paper broker was the sink's only broker and kept its
 * working brackets in {@code paperBrackets}. They read as format 3 with those brackets moved, per
 * account, into a {@code paper} broker state of format {@value #LEGACY_BROKER_FORMAT}: the paper
 * broker's state is that same JSON array, so the bytes move without being interpreted here.
 */
public final class StateCodec {

    /** The broker formats 1 and 2 knew, and the version of its state those snapshots hold. */
    static final String LEGACY_BROKER = "paper";
    static final int LEGACY_BROKER_FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StateCodec() {
    }

    public static String encode(SinkState state) {
        try {
            return JSON.writeValueAsString(new SinkState(state.formatVersion(), new TreeMap<>(state.executedOrderIds()),
                    state.brackets(), state.brokers(), state.lastEventMicros(), state.lockstep()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the sink state: " + e.getMessage(), e);
        }
    }

    public static SinkState decode(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            int version = tree.path("formatVersion").asInt(-1);
            if (version == SinkState.FORMAT_VERSION) {
                return JSON.readValue(json, SinkState.class);
            }
            if (version != 1 && version != 2) {
                throw new IllegalStateException("sink state format " + version + " is not supported (expected "
                        + SinkState.FORMAT_VERSION + ", or 1 or 2 to migrate)");
            }
            SinkState old = JSON.readValue(json, SinkState.class);
            return new SinkState(SinkState.FORMAT_VERSION, old.executedOrderIds(), old.brackets(), legacyBrokers(tree.get("paperBrackets")),
                    old.lastEventMicros(), old.lockstep());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode the sink state: " + e.getMessage(), e);
        }
    }

    /** The one paper broker's brackets, split by account (each account's in their placement order), as paper broker states. */
    private static List<BrokerSnapshot> legacyBrokers(JsonNode paperBrackets) throws JsonProcessingException {
        Map<String, ArrayNode> byAccount = new TreeMap<>();
        if (paperBrackets != null && paperBrackets.isArray()) {
            for (JsonNode bracket : paperBrackets) {
                String account = bracket.path("account").asText();
                byAccount.computeIfAbsent(account, a -> JSON.createArrayNode()).add(bracket);
            }
        }
        List<BrokerSnapshot> brokers = new ArrayList<>();
        for (Map.Entry<String, ArrayNode> e : byAccount.entrySet()) {
            brokers.add(new BrokerSnapshot(e.getKey(), LEGACY_BROKER, LEGACY_BROKER_FORMAT, JSON.writeValueAsBytes(e.getValue())));
        }
        return brokers;
    }
}
