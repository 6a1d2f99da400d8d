package io.liquidityengine.notifier.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidityengine.notifier.message.Embed;
import io.liquidityengine.notifier.message.Notification;

/** The Execute Webhook JSON body of one message. Mentions are disabled: a message never pings anyone. */
public final class DiscordJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private DiscordJson() {
    }

    public static String body(Notification n, String username) {
        ObjectNode root = MAPPER.createObjectNode();
        if (n.content() != null) {
            root.put("content", n.content());
        }
        if (username != null && !username.isEmpty()) {
            root.put("username", username);
        }
        if (!n.embeds().isEmpty()) {
            ArrayNode embeds = root.putArray("embeds");
            for (Embed e : n.embeds()) {
                ObjectNode o = embeds.addObject();
                putIfSet(o, "title", e.title());
                putIfSet(o, "description", e.description());
                if (e.color() != null) {
                    o.put("color", e.color().intValue());
                }
                if (!e.fields().isEmpty()) {
                    ArrayNode fields = o.putArray("fields");
                    for (Embed.Field f : e.fields()) {
                        fields.addObject().put("name", f.name()).put("value", f.value()).put("inline", f.inline());
                    }
                }
                if (e.footer() != null) {
                    o.putObject("footer").put("text", e.footer());
                }
                putIfSet(o, "timestamp", e.timestamp());
            }
        }
        if (n.attachment() != null) {
            // files[0] of the multipart body
            root.putArray("attachments").addObject().put("id", 0).put("filename", n.attachment().filename());
        }
        root.putObject("allowed_mentions").putArray("parse");
        try {
            return MAPPER.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    private static void putIfSet(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
