package io.liquidityengine.ingest.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Required fields of venue JSON, read strictly: a field that is missing or of another type is a
 * {@link FieldException} naming it, which the parsers turn into a {@link VenueFrame.Bad}.
 */
public final class JsonFields {

    /** Strict JSON (no comments, no trailing tokens); numbers and strings kept small, a frame is never large. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).maxStringLength(1_000_000)
                .maxNestingDepth(64).build());
    }

    /** A field is missing or malformed. */
    public static final class FieldException extends Exception {
        public FieldException(String message) {
            super(message, null, false, false);
        }
    }

    /** Decimals with more than this many digits after the point, or an exponent beyond it, are no price or size. */
    static final int MAX_SCALE = 30;

    private JsonFields() {
    }

    /** The frame as a JSON object, or a FieldException saying why not. */
    public static JsonNode object(String text) throws FieldException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FieldException("invalid JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // a JSON number Jackson cannot hold (found by BinanceParserFuzzTest: 1e100000058001 as a BigDecimal)
            throw new FieldException("invalid JSON number: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new FieldException("not a JSON object");
        }
        return node;
    }

    public static String text(JsonNode node, String field) throws FieldException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new FieldException(v == null ? "missing field '" + field + "'" : "field '" + field + "' is not a non-empty string: " + v);
        }
        return v.asText();
    }

    /** A decimal written as a JSON string, as both venues write prices and sizes. */
    public static BigDecimal decimal(JsonNode node, String field) throws FieldException {
        String s = text(node, field);
        if (s.length() > 40) {
            throw new FieldException("field '" + field + "' is too long for a decimal");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new FieldException("field '" + field + "' is not a decimal: " + s);
        }
        if (Math.abs(d.scale()) > MAX_SCALE) {
            // 1E+999999999 is a valid decimal whose plain form (and arithmetic with it) would not fit in memory
            throw new FieldException("field '" + field + "' is out of range: " + s);
        }
        return d;
    }

    public static long integer(JsonNode node, String field) throws FieldException {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new FieldException(v == null ? "missing field '" + field + "'" : "field '" + field + "' is not a 64-bit integer: " + v);
        }
        return v.asLong();
    }

    public static boolean bool(JsonNode node, String field) throws FieldException {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw new FieldException(v == null ? "missing field '" + field + "'" : "field '" + field + "' is not a boolean: " + v);
        }
        return v.asBoolean();
    }

    /** An ISO-8601 instant ({@code 2021-04-17T16:43:30.244075Z}) as UTC microseconds. */
    public static long instantMicros(JsonNode node, String field) throws FieldException {
        String s = text(node, field);
        try {
            Instant t = Instant.parse(s);
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new FieldException("field '" + field + "' is not an ISO-8601 instant: " + s);
        }
    }

    /** Milliseconds since the epoch as microseconds. */
    public static long millisAsMicros(JsonNode node, String field) throws FieldException {
        long ms = integer(node, field);
        try {
            return Math.multiplyExact(ms, 1000L);
        } catch (ArithmeticException e) {
            throw new FieldException("field '" + field + "' is out of range: " + ms);
        }
    }
}
