package io.liquidityengine.execution.binance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Binance client order ids from the engine's deterministic ids: Binance allows {@code [a-zA-Z0-9-_]{1,36}}, the
 * engine's ids ({@code <account>:<plan>:<revision>:PLACE}) have colons and can be longer. An id that fits with its
 * suffix is used as it is; any other becomes {@code x} + the first 20 characters of the URL-safe base64 of its
 * SHA-256 + the suffix. Either way the same engine id always gives the same Binance id, so a request sent again
 * (after a crash, or a retry after an unknown outcome) names the order the venue may already have.
 */
final class BinanceIds {

    private static final Pattern ALLOWED = Pattern.compile("[a-zA-Z0-9-_]{1,36}");

    private BinanceIds() {
    }

    static String of(String engineId, String suffix) {
        String plain = engineId + suffix;
        if (ALLOWED.matcher(plain).matches()) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(engineId.getBytes(StandardCharsets.UTF_8));
            return "x" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 20) + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
