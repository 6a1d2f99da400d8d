package io.liquidityengine.notifier.message;

import java.util.List;

/**
 * One Discord embed. {@code color} is {@code 0xRRGGBB} or null; {@code timestamp} an ISO-8601 instant
 * (the record's event time) or null.
 */
public record Embed(String title, String description, Integer color, List<Field> fields, String footer, String timestamp) {

    public Embed {
        fields = List.copyOf(fields);
    }

    /** One name/value pair of an embed. */
    public record Field(String name, String value, boolean inline) {
    }

    /** Characters Discord counts towards the 6,000 per message: title, description, field names and values, footer. */
    public int characters() {
        int n = length(title) + length(description) + length(footer);
        for (Field f : fields) {
            n += length(f.name()) + length(f.value());
        }
        return n;
    }

    public static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
