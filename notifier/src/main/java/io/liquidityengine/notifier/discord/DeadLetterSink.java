package io.liquidityengine.notifier.discord;

import io.liquidityengine.notifier.message.Notification;

/** Where a message goes that Discord refused or that could not be delivered after its retries. */
public interface DeadLetterSink {

    /**
     * @param webhook the target (its URL must not be written anywhere unredacted)
     * @param message the message part that was dropped
     * @param body    the JSON body that was sent
     * @param reason  why, with Discord's status and error body when there was one
     */
    void deadLetter(Webhook webhook, Notification message, String body, String reason);
}
