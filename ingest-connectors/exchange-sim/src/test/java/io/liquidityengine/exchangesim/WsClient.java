package io.liquidityengine.exchangesim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK websocket client that queues what it receives, for the simulator's tests. */
final class WsClient implements AutoCloseable {

    final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    final WebSocket ws;

    WsClient(String uri) throws Exception {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(uri), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    texts.add(text.toString());
                    text.setLength(0);
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket w, ByteBuffer message) {
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                closed.complete(code + " " + reason);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    void send(String text) throws Exception {
        ws.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** The next text frame, failing after 10 s. */
    String next() throws InterruptedException {
        String s = texts.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no frame within 10 s");
        }
        return s;
    }

    @Override
    public void close() {
        ws.abort();
    }
}
