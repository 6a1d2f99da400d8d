package io.liquidityengine.dtc.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian access to byte arrays (any alignment). */
final class Bytes {

    private Bytes() {
    }

    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static int u16(byte[] a, int i) {
        return (short) SHORT.get(a, i) & 0xFFFF;
    }

    static void putU16(byte[] a, int i, int v) {
        SHORT.set(a, i, (short) v);
    }
}
