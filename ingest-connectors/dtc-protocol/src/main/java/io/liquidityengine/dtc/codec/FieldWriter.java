package io.liquidityengine.dtc.codec;

import java.nio.charset.StandardCharsets;

/**
 * Writes members into a zero-filled struct region of a byte array. Integer members are written
 * with their low bits (an {@code int} for a uint8 member writes its low byte). Reused by one
 * {@link DtcCodec}.
 */
final class FieldWriter {

    private byte[] a;
    private int base;

    void reset(byte[] array, int structStart) {
        this.a = array;
        this.base = structStart;
    }

    void u8(int off, int v) {
        a[base + off] = (byte) v;
    }

    void u16(int off, int v) {
        Bytes.SHORT.set(a, base + off, (short) v);
    }

    void i32(int off, int v) {
        Bytes.INT.set(a, base + off, v);
    }

    void u32(int off, long v) {
        Bytes.INT.set(a, base + off, (int) v);
    }

    void i64(int off, long v) {
        Bytes.LONG.set(a, base + off, v);
    }

    void f32(int off, float v) {
        Bytes.INT.set(a, base + off, Float.floatToRawIntBits(v));
    }

    void f64(int off, double v) {
        Bytes.LONG.set(a, base + off, Double.doubleToRawLongBits(v));
    }

    /**
     * A fixed-length {@code char[len]} member: the UTF-8 bytes of {@code s}, at most {@code len - 1}
     * of them (cut at a character boundary), NUL-padded, like the header's setters. Null writes "".
     * A NUL character in {@code s} ends the text for a reader.
     */
    void text(int off, int len, String s) {
        if (s == null || s.isEmpty()) {
            return;
        }
        int start = base + off;
        int max = len - 1;
        int n = Math.min(s.length(), max);
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            for (int i = 0; i < n; i++) {
                a[start + i] = (byte) s.charAt(i);
            }
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int cut = Math.min(utf8.length, max);
        if (cut < utf8.length) {
            while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) {
                cut--; // do not split a multi-byte character
            }
        }
        System.arraycopy(utf8, 0, a, start, cut);
    }
}
