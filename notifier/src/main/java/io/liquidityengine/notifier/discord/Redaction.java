package io.liquidityengine.notifier.discord;

import java.util.regex.Pattern;

/** Removes webhook tokens from text: {@code /api[/v10]/webhooks/<id>/<token>} becomes {@code /api/webhooks/<id>/***}. */
public final class Redaction {

    private static final Pattern WEBHOOK_TOKEN = Pattern.compile("(/api(?:/v\\d+)?/webhooks/[^/\\s\"']+/)[^?\\s\"'#]+");

    private Redaction() {
    }

    public static String redact(String text) {
        return text == null ? null : WEBHOOK_TOKEN.matcher(text).replaceAll("$1***");
    }
}
