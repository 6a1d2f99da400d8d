package io.liquidityengine.notifier.discord;

import java.net.URI;

/** A named webhook. The URL carries the secret token: {@link #toString()} and {@link #redacted()} never show it. */
public record Webhook(String name, URI url) {

    public String redacted() {
        return Redaction.redact(url.toString());
    }

    @Override
    public String toString() {
        return name + " " + redacted();
    }
}
