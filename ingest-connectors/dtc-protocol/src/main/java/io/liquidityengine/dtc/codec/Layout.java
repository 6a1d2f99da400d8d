package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.DtcMessage;

/**
 * The binary-encoding layout of one message: its type, its struct size in protocol version 8 and how
 * its members map to offsets. Implementations live in the {@code *Layouts} classes.
 */
abstract class Layout<M extends DtcMessage> {

    final int type;
    final int size;
    final Class<M> messageClass;

    Layout(int type, int size, Class<M> messageClass) {
        this.type = type;
        this.size = size;
        this.messageClass = messageClass;
    }

    /** Reads the members from a frame; members the frame is too short for take their absent value. */
    abstract M read(FieldReader r);

    /** Writes the members into a zero-filled region of {@link #size} bytes whose header is already written. */
    abstract void write(M m, FieldWriter w);
}
