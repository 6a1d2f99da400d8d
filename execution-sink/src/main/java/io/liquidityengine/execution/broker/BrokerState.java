package io.liquidityengine.execution.broker;

import java.util.Arrays;
import java.util.Objects;

/**
 * A broker's own state as the sink stores it in its snapshot: bytes only the broker reads, with the
 * version of their format so a later broker can read (or refuse) what an earlier one wrote.
 */
public record BrokerState(int formatVersion, byte[] bytes) {

    public BrokerState {
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The error for a state whose format this broker cannot read. */
    public static IllegalStateException unsupported(String broker, int formatVersion, int supported) {
        return new IllegalStateException("the " + broker + " broker cannot read its state format " + formatVersion
                + " (it reads format " + supported + "); was the snapshot written by a newer version?");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrokerState s && s.formatVersion == formatVersion && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * formatVersion + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "BrokerState[format " + formatVersion + ", " + bytes.length + " bytes]";
    }
}
