package io.liquidityengine.dtc.session;

import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.LogonResponse;

/**
 * What a {@link DtcClient} reports, called on its connection thread in the order things happen.
 * Heartbeats, the encoding exchange and logon are handled by the client; every other message
 * arrives at {@link #onMessage}.
 */
public interface SessionListener {

    /** Logged on: subscribe and request here. {@code connection} counts connections of this client from 1. */
    void onLoggedOn(long connection, LogonResponse response);

    /** A message of a logged-on session (never a heartbeat). */
    void onMessage(long connection, DtcMessage message);

    /**
     * Bytes that break the protocol: a frame whose Size is impossible or that is cut off, or a frame
     * that cannot be decoded. {@code offset} counts bytes received on this connection.
     */
    void onProtocolError(long connection, long offset, String detail, byte[] bytes);

    /** The session ended: link lost, the server logged off or closed, or the client was stopped. */
    void onDisconnected(long connection, String reason);
}
