package io.liquidityengine.execution.binance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's request signature: HMAC-SHA256 of the total parameters (the query string immediately followed
 * by the body, already percent-encoded) keyed with the API secret, as lower-case hex in the
 * {@code signature} parameter. Holds the key, never shows it.
 */
public final class BinanceSigner {

    private final SecretKeySpec key;

    public BinanceSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(String totalParams) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "BinanceSigner[HmacSHA256]";
    }
}
