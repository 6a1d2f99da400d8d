package io.liquidityengine.notifier.discord;

import io.liquidityengine.notifier.message.Notification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The {@code multipart/form-data} body of a message with a file, as Discord's "Uploading files" page
 * describes it: the JSON body as the part {@code payload_json}, the file as {@code files[0]}.
 */
public final class Multipart {

    private Multipart() {
    }

    /** A boundary derived from the file (so a replay sends the same bytes) that the file does not contain. */
    static String boundary(byte[] file) {
        String b = "liquidity-engine-" + UUID.nameUUIDFromBytes(file).toString().replace("-", "");
        while (indexOf(file, b.getBytes(StandardCharsets.US_ASCII)) >= 0) {
            b = b + "x";
        }
        return b;
    }

    static byte[] body(String boundary, String payloadJson, Notification.Attachment file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.bytes().length + payloadJson.length() + 512);
        write(out, "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n");
        out.writeBytes(payloadJson.getBytes(StandardCharsets.UTF_8));
        write(out, "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files[0]\"; filename=\"" + file.filename() + "\"\r\n"
                + "Content-Type: " + file.contentType() + "\r\n\r\n");
        out.writeBytes(file.bytes());
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
