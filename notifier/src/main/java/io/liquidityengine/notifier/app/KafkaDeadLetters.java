package io.liquidityengine.notifier.app;

import io.liquidityengine.notifier.discord.DeadLetterSink;
import io.liquidityengine.notifier.discord.Redaction;
import io.liquidityengine.notifier.discord.Webhook;
import io.liquidityengine.notifier.message.Notification;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Messages a webhook refused, or that could not be delivered after their retries, to
 * {@code dlq.notifier} (key {@code notifier.<kind>}): the reason with Discord's status and error body
 * in {@code detail}, the JSON body as {@code payload}, the webhook's redacted URL as {@code origin}.
 * Each letter is sent and acknowledged before delivery goes on, so none is lost with the process.
 */
final class KafkaDeadLetters implements DeadLetterSink, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaDeadLetters.class.getName());

    private final KafkaProducer<byte[], byte[]> producer;
    private final Serializer<DeadLetter> values;

    KafkaDeadLetters(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.values = Topics.DLQ_NOTIFIER.valueSerde(clientConfig).serializer();
    }

    /** The dead letter of one dropped message (pure: what is written where, tested without a broker). */
    static DeadLetter letter(Webhook webhook, Notification message, String body, String reason) {
        return DeadLetter.newBuilder()
                .setSource(source(message))
                .setOrigin("webhook " + webhook.name() + " " + webhook.redacted())
                .setPosition(-1)
                .setPositionKind(PositionKind.NONE)
                .setReason(DeadLetterReason.OTHER)
                .setDetail(Redaction.redact(reason))
                .setPayload(ByteBuffer.wrap(Redaction.redact(body).getBytes(StandardCharsets.UTF_8)))
                .setEventTime(null)
                .build();
    }

    static String source(Notification message) {
        return "notifier." + message.kind().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void deadLetter(Webhook webhook, Notification message, String body, String reason) {
        DeadLetter letter = letter(webhook, message, body, reason);
        String topic = Topics.DLQ_NOTIFIER.name();
        try {
            producer.send(new ProducerRecord<>(topic, letter.getSource().getBytes(StandardCharsets.UTF_8),
                    values.serialize(topic, letter))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the message is lost for Discord already; say so loudly rather than block delivery for ever
            LOG.log(Level.SEVERE, "could not write a dead letter to " + topic + " (" + letter.getSource() + ": "
                    + letter.getDetail() + "): " + e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
