package io.liquidityengine.notifier.discord;

import io.liquidityengine.notifier.message.Notification;

/** What the webhook client did, for metrics. Called on the posting thread; must not block. */
public interface DeliveryListener {

    /** How one message part ended. */
    enum Outcome {
        /** 2xx. */
        DELIVERED,
        /** A 4xx other than 429: dead-lettered at once. */
        REJECTED,
        /** 5xx, timeouts or I/O errors past the attempts, or too many 429s in a row: dead-lettered. */
        FAILED
    }

    void posted(Webhook webhook, Notification.Kind kind, Outcome outcome);

    /** A 429; {@code global} when Discord said so. */
    void rateLimited(Webhook webhook, boolean global);

    /** A 5xx, timeout or I/O error that will be retried. */
    void retried(Webhook webhook);

    DeliveryListener NONE = new DeliveryListener() {
        @Override
        public void posted(Webhook webhook, Notification.Kind kind, Outcome outcome) {
        }

        @Override
        public void rateLimited(Webhook webhook, boolean global) {
        }

        @Override
        public void retried(Webhook webhook) {
        }
    };
}
