package io.liquidityengine.notifier.discord;

import io.liquidityengine.notifier.message.Embed;
import io.liquidityengine.notifier.message.Embed.Field;
import io.liquidityengine.notifier.message.Notification;
import java.util.ArrayList;
import java.util.List;

/**
 * Discord's documented message limits, enforced before anything is sent, so Discord never receives a
 * body it rejects for size. The policy:
 * <ul>
 *   <li>content over 2,000 characters is <b>split</b> into several messages, at the last line break
 *       (else the last space, else hard) before the limit; embeds travel with the last part;</li>
 *   <li>embed texts are <b>truncated</b> to their limits with a trailing "…": title 256, description
 *       4,096, field name 256, field value 1,024, footer 2,048; an empty field name or value becomes "–";
 *       when title, description and footer together exceed 6,000 the description is cut further;</li>
 *   <li>an embed with more than 25 fields, or more than 6,000 characters, is <b>split</b> into
 *       continuation embeds ("title (cont.)", same colour) carrying the remaining fields;</li>
 *   <li>embeds are <b>packed</b> into messages of at most 10 embeds and 6,000 embed characters;</li>
 *   <li>a file travels with the last part; a file over {@link #FILE_BYTES} is <b>left out</b> and the
 *       last part's content says so (Discord answers 413 to an upload over its limit).</li>
 * </ul>
 */
public final class Limits {

    public static final int CONTENT = 2000;
    public static final int EMBEDS = 10;
    public static final int EMBED_TOTAL = 6000;
    public static final int TITLE = 256;
    public static final int DESCRIPTION = 4096;
    public static final int FIELDS = 25;
    public static final int FIELD_NAME = 256;
    public static final int FIELD_VALUE = 1024;
    public static final int FOOTER = 2048;
    /** Discord's upload limit for a webhook without boosts: 10 MiB per message. */
    public static final int FILE_BYTES = 10 * 1024 * 1024;
    static final String ELLIPSIS = "…";
    static final String CONTINUED = " (cont.)";

    private Limits() {
    }

    /** The messages to post for {@code n}, in order, each within every limit. */
    public static List<Notification> fit(Notification n) {
        if (n.attachment() == null) {
            return fitText(n);
        }
        Notification.Attachment file = n.attachment();
        String content = n.content();
        if (file.bytes().length > FILE_BYTES) {
            String note = "(" + file.filename() + " left out: " + file.bytes().length + " bytes, over Discord's " + FILE_BYTES + ")";
            content = content == null || content.isEmpty() ? note : content + "\n" + note;
            file = null;
        }
        List<Notification> out = new ArrayList<>(fitText(new Notification(n.kind(), content, n.embeds())));
        if (file != null) {
            if (out.isEmpty()) {
                out.add(new Notification(n.kind(), null, List.of(), file));
            } else {
                Notification last = out.remove(out.size() - 1);
                out.add(new Notification(last.kind(), last.content(), last.embeds(), file));
            }
        }
        return out;
    }

    private static List<Notification> fitText(Notification n) {
        List<String> parts = splitContent(n.content());
        List<Embed> embeds = new ArrayList<>();
        for (Embed e : n.embeds()) {
            embeds.addAll(splitEmbed(truncate(e)));
        }
        List<List<Embed>> batches = pack(embeds);
        List<Notification> out = new ArrayList<>();
        for (int i = 0; i < parts.size() - 1; i++) {
            out.add(new Notification(n.kind(), parts.get(i), List.of()));
        }
        String last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
        if (batches.isEmpty()) {
            if (last != null) {
                out.add(new Notification(n.kind(), last, List.of()));
            }
            return out;
        }
        for (int i = 0; i < batches.size(); i++) {
            out.add(new Notification(n.kind(), i == 0 ? last : null, batches.get(i)));
        }
        return out;
    }

    static List<String> splitContent(String content) {
        List<String> parts = new ArrayList<>();
        if (content == null || content.isEmpty()) {
            return parts;
        }
        String rest = content;
        while (rest.length() > CONTENT) {
            int cut = rest.lastIndexOf('\n', CONTENT);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', CONTENT);
            }
            if (cut <= 0) {
                parts.add(rest.substring(0, CONTENT));
                rest = rest.substring(CONTENT);
            } else {
                parts.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);
            }
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - ELLIPSIS.length()) + ELLIPSIS;
    }

    static String nonEmpty(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    static Embed truncate(Embed e) {
        List<Field> fields = e.fields().stream()
                .map(f -> new Field(truncate(nonEmpty(f.name()), FIELD_NAME), truncate(nonEmpty(f.value()), FIELD_VALUE), f.inline()))
                .toList();
        String title = truncate(e.title(), TITLE);
        String footer = truncate(e.footer(), FOOTER);
        String description = truncate(e.description(), DESCRIPTION);
        int room = EMBED_TOTAL - Embed.length(title) - Embed.length(footer);
        if (Embed.length(description) > room) {
            description = truncate(description, room);
        }
        return new Embed(title, description, e.color(), fields, footer, e.timestamp());
    }

    /** Splits a truncated embed whose fields exceed 25 or whose characters exceed 6,000. */
    static List<Embed> splitEmbed(Embed e) {
        if (e.fields().size() <= FIELDS && e.characters() <= EMBED_TOTAL) {
            return List.of(e);
        }
        List<Embed> out = new ArrayList<>();
        String contTitle = e.title() == null ? null : truncate(e.title() + CONTINUED, TITLE);
        Embed current = new Embed(e.title(), e.description(), e.color(), List.of(), e.footer(), e.timestamp());
        List<Field> fields = new ArrayList<>();
        for (Field f : e.fields()) {
            int size = current.characters() + chars(fields) + f.name().length() + f.value().length();
            if (fields.size() == FIELDS || size > EMBED_TOTAL) {
                out.add(with(current, fields));
                current = new Embed(contTitle, null, e.color(), List.of(), null, null);
                fields = new ArrayList<>();
            }
            fields.add(f);
        }
        out.add(with(current, fields));
        return out;
    }

    static List<List<Embed>> pack(List<Embed> embeds) {
        List<List<Embed>> batches = new ArrayList<>();
        List<Embed> batch = new ArrayList<>();
        int chars = 0;
        for (Embed e : embeds) {
            if (!batch.isEmpty() && (batch.size() == EMBEDS || chars + e.characters() > EMBED_TOTAL)) {
                batches.add(batch);
                batch = new ArrayList<>();
                chars = 0;
            }
            batch.add(e);
            chars += e.characters();
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private static Embed with(Embed e, List<Field> fields) {
        return new Embed(e.title(), e.description(), e.color(), fields, e.footer(), e.timestamp());
    }

    private static int chars(List<Field> fields) {
        int n = 0;
        for (Field f : fields) {
            n += f.name().length() + f.value().length();
        }
        return n;
    }
}
