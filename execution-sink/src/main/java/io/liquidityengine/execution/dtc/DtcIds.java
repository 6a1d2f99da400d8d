package io.liquidityengine.execution.dtc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * DTC client order ids for the engine's client order ids. DTC's {@code ClientOrderID} holds 31 bytes;
 * the engine's ids ({@code <account>:<strategy>:<instrument>:<micros>:<n>}) are often longer. An id
 * that fits with its longest leg suffix goes out as it is; a longer one as {@code H} + 20 characters of
 * URL-safe base64 of the first 15 bytes of its SHA-256. Both are functions of the engine's id alone, so a
 * restart finds its orders at the server again; a collision of two ids of one account would need two
 * equal 120-bit prefixes.
 */
final class DtcIds {

    /** DTC's ClientOrderID: a char[32] with its terminating NUL. */
    static final int MAX_BYTES = 31;

    private DtcIds() {
    }

    /** The DTC id of an order whose legs are named {@code <id>/T<n>} and {@code <id>/S<n>} up to {@code legs}. */
    static String of(String engineId, int legs) {
        String longest = legs == 0 ? engineId : engineId + "/T" + legs;
        if (longest.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return engineId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(engineId.getBytes(StandardCharsets.UTF_8));
            return "H" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 15));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
