package io.liquidityengine.dtc.codec;

import java.nio.charset.StandardCharsets;

/**
 * Reads members of one frame held in a byte array. A member is read only when the frame's
 * {@code Size} covers it entirely ({@code offset + width <= size}); otherwise the caller's absent
 * value is returned, as the header's getters do for shorter (older) messages. Reused across frames
 * by one {@link DtcCodec}.
 */
final class FieldReader {

    private byte[] a;
    private int base;
    private int size;

    void reset(byte[] array, int frameStart, int frameSize) {
        this.a = array;
        this.base = frameStart;
        this.size = frameSize;
    }

    int u8(int off, int absent) {
        return off + 1 <= size ? a[base + off] & 0xFF : absent;
    }

    int i8(int off, int absent) {
        return off + 1 <= size ? a[base + off] : absent;
    }

    int u16(int off, int absent) {
        return off + 2 <= size ? (short) Bytes.SHORT.get(a, base + off) & 0xFFFF : absent;
    }

    int i16(int off, int absent) {
        return off + 2 <= size ? (short) Bytes.SHORT.get(a, base + off) : absent;
    }

    int i32(int off, int absent) {
        return off + 4 <= size ? (int) Bytes.INT.get(a, base + off) : absent;
    }

    long u32(int off, long absent) {
        return off + 4 <= size ? (int) Bytes.INT.get(a, base + off) & 0xFFFF_FFFFL : absent;
    }

    long i64(int off, long absent) {
        return off + 8 <= size ? (long) Bytes.LONG.get(a, base + off) : absent;
    }

    float f32(int off, float absent) {
        return off + 4 <= size ? Float.intBitsToFloat((int) Bytes.INT.get(a, base + off)) : absent;
    }

    double f64(int off, double absent) {
        return off + 8 <= size ? Double.longBitsToDouble((long) Bytes.LONG.get(a, base + off)) : absent;
    }

    /**
     * A fixed-length {@code char[len]} member: the bytes before the first NUL, at most {@code len - 1}
     * of them (the header's getters force the last byte to NUL). Well-formed UTF-8 is decoded as
     * UTF-8; anything else is decoded byte by byte as ISO-8859-1, so no input is rejected. Absent: "".
     */
    String text(int off, int len) {
        if (off + len > size) {
            return "";
        }
        int start = base + off;
        int max = start + len - 1;
        int end = start;
        boolean ascii = true;
        while (end < max) {
            byte b = a[end];
            if (b == 0) {
                break;
            }
            ascii &= b > 0;
            end++;
        }
        if (end == start) {
            return "";
        }
        if (ascii) {
            return new String(a, start, end - start, StandardCharsets.ISO_8859_1);
        }
        return new String(a, start, end - start,
                isWellFormedUtf8(a, start, end) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** Well-formed UTF-8 per the Unicode standard (no overlongs, no surrogates, nothing above U+10FFFF). */
    static boolean isWellFormedUtf8(byte[] a, int from, int to) {
        int i = from;
        while (i < to) {
            int b0 = a[i] & 0xFF;
            if (b0 < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                n = 1;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                n = 2;
                if (b0 == 0xE0) {
                    lo = 0xA0;
                } else if (b0 == 0xED) {
                    hi = 0x9F;
                }
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                n = 3;
                if (b0 == 0xF0) {
                    lo = 0x90;
                } else if (b0 == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            if (i + n >= to) {
                return false; // fewer than n continuation bytes left
            }
            int b1 = a[i + 1] & 0xFF;
            if (b1 < lo || b1 > hi) {
                return false;
            }
            for (int k = 2; k <= n; k++) {
                int bk = a[i + k] & 0xFF;
                if (bk < 0x80 || bk > 0xBF) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }
}
