package io.liquidityengine.notifier.message;

import java.util.List;

/**
 * A message to post: its kind (for routing to webhooks), plain text content (may be null) and embeds.
 * Built only from record fields, so a replay builds the same notifications.
 */
public record Notification(Kind kind, String content, List<Embed> embeds, Attachment attachment) {

    public enum Kind { BIAS_FLIP, STATUS, PLAN, REJECTED_DECISION, FILL, POSITION_CLOSED, DEAD_LETTER, CHART }

    /** A file uploaded with the message ({@code files[0]} of a multipart body), e.g. a chart PNG. */
    public record Attachment(String filename, String contentType, byte[] bytes) {
    }

    public Notification {
        embeds = List.copyOf(embeds);
    }

    /** A message without a file. */
    public Notification(Kind kind, String content, List<Embed> embeds) {
        this(kind, content, embeds, null);
    }

    /** A text message with one file. */
    public static Notification file(Kind kind, String content, Attachment attachment) {
        return new Notification(kind, content, List.of(), attachment);
    }

    public static Notification text(Kind kind, String content) {
        return new Notification(kind, content, List.of());
    }

    public static Notification embed(Kind kind, Embed embed) {
        return new Notification(kind, null, List.of(embed));
    }

    /** One line for the console and logs: the content, or the first embed's title and description. */
    public String consoleLine() {
        if (content != null && !content.isEmpty()) {
            return content;
        }
        if (embeds.isEmpty()) {
            return "";
        }
        Embed e = embeds.get(0);
        StringBuilder sb = new StringBuilder(e.title() == null ? "" : e.title());
        for (Embed.Field f : e.fields()) {
            sb.append(" | ").append(f.name()).append(' ').append(f.value());
        }
        return sb.toString();
    }
}
