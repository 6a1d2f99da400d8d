package io.liquidityengine.exchangesim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's checks of a SIGNED request: the API key in {@code X-MBX-APIKEY}, the HMAC-SHA256 of the query
 * string followed by the body (the {@code signature} parameter left out) keyed with the account's secret,
 * and {@code timestamp} within {@code recvWindow} (default 5000 ms, at most 60000) of the server's clock
 * (and at most 1 s ahead of it).
 */
final class BinanceAuth {

    /** A refusal: the HTTP status and Binance's error code and message. */
    record Refusal(int status, int code, String msg) {
    }

    private BinanceAuth() {
    }

    static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The API key's refusal, or null when the key is known. */
    static Refusal apiKey(String apiKey, Map<String, String> secrets) {
        if (apiKey == null || apiKey.isEmpty()) {
            return new Refusal(401, -2014, "API-key format invalid.");
        }
        return secrets.containsKey(apiKey) ? null : new Refusal(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    /** The refusal of a signed request, or null when key, signature and time are right. */
    static Refusal signed(String apiKey, Map<String, String> secrets, String rawQuery, String body, Map<String, String> params,
                          long serverMillis) {
        Refusal key = apiKey(apiKey, secrets);
        if (key != null) {
            return key;
        }
        String timestamp = params.get("timestamp");
        if (timestamp == null || timestamp.isEmpty()) {
            return mandatory("timestamp");
        }
        String signature = params.get("signature");
        if (signature == null || signature.isEmpty()) {
            return mandatory("signature");
        }
        String payload = withoutSignature(rawQuery == null ? "" : rawQuery) + withoutSignature(body == null ? "" : body);
        if (!hmacHex(secrets.get(apiKey), payload).equalsIgnoreCase(signature)) {
            return new Refusal(400, -1022, "Signature for this request is not valid.");
        }
        long ts;
        long window;
        try {
            ts = Long.parseLong(timestamp);
            window = params.containsKey("recvWindow") ? Long.parseLong(params.get("recvWindow")) : 5000;
        } catch (NumberFormatException e) {
            return new Refusal(400, -1100, "Illegal characters found in a parameter.");
        }
        if (window > 60000) {
            return new Refusal(400, -1131, "recvWindow must be less than 60000");
        }
        if (ts > serverMillis + 1000 || serverMillis - ts > window) {
            return new Refusal(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return null;
    }

    static Refusal mandatory(String name) {
        return new Refusal(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }

    /** The text without its {@code signature=..} parameter (Binance signs everything but the signature). */
    private static String withoutSignature(String text) {
        int at = text.startsWith("signature=") ? 0 : text.indexOf("&signature=");
        if (at < 0) {
            return text;
        }
        int end = text.indexOf('&', at + 1);
        return end < 0 ? text.substring(0, at) : text.substring(0, at) + text.substring(end + (at == 0 ? 1 : 0));
    }
}
