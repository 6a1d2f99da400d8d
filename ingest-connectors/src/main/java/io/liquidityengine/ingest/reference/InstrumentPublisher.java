package io.liquidityengine.ingest.reference;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.reference.Instrument;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes configured instruments to the compacted {@code ref.instruments} topic (the latest value per symbol wins). */
public final class InstrumentPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(InstrumentPublisher.class);

    private InstrumentPublisher() {
    }

    public static void publish(Map<String, Object> clientConfig, Collection<InstrumentSpec> instruments) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        var topic = Topics.REF_INSTRUMENTS;
        try (KafkaProducer<String, Instrument> producer = new KafkaProducer<>(config,
                topic.keySerde(clientConfig).serializer(), topic.valueSerde(clientConfig).serializer())) {
            for (InstrumentSpec spec : instruments) {
                // timestamp 0: reference data is valid from the start of any replay
                producer.send(new ProducerRecord<>(topic.name(), null, 0L, spec.symbol(), spec.toAvro())).get();
            }
            producer.flush();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish instruments to " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        LOG.info("Published {} instruments to {}", instruments.size(), topic.name());
    }
}
