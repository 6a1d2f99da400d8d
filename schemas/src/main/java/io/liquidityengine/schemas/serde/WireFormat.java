package io.liquidityengine.schemas.serde;

/** Constants of the Confluent wire format. */
final class WireFormat {
    static final byte MAGIC = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }
}
