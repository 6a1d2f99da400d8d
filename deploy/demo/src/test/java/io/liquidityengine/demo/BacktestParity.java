package io.liquidityengine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.backtest.RecordLog;
import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.TopicRecords;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serializer;

/** The one-process backtest of a demo day as the oracle of a run of the services (ClosedLoopIT, DtcDemoIT). */
final class BacktestParity {

    /** Every record the one-process backtest must reproduce byte for byte. */
    static final List<Topic<String, ?>> PARITY = List.of(Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS, Topics.SIG_PLANS,
            Topics.RISK_DECISIONS, Topics.EXEC_ORDERS, Topics.EXEC_REPORTS, Topics.EXEC_POSITIONS);

    private BacktestParity() {
    }

    /**
     * The one-process backtest (./engine backtest) over the same files gives every record the services
     * gave, byte for byte: key, value in the wire format (the same registry) and timestamp, in topic order.
     */
    static void assertTheBacktestGivesTheSameRecords(LocalStack stack, Path home, SampleDayFiles day) throws Exception {
        assertSameRecords(stack, backtest(home, day));
    }

    /** The backtest's records of the day. */
    static RecordLog backtest(Path home, SampleDayFiles day) throws Exception {
        RecordLog log = new RecordLog(Set.copyOf(PARITY));
        DemoBacktest.of(home, day).run(log, null);
        return log;
    }

    /** {@link #assertTheBacktestGivesTheSameRecords} with the backtest's records at hand. */
    static void assertSameRecords(LocalStack stack, RecordLog log) {
        assertThat(log.count(Topics.EXEC_POSITIONS)).as("the day trades").isPositive();
        for (Topic<String, ?> topic : PARITY) {
            List<ConsumerRecord<byte[], byte[]>> kafka = TopicRecords.readCommittedBytes(stack.clientConfig(), topic.name());
            List<RecordLog.Entry> backtest = log.entries(topic);
            @SuppressWarnings("unchecked")
            Serializer<Object> values = (Serializer<Object>) (Serializer<?>) topic.valueSerde(stack.registryConfig()).serializer();
            assertThat(backtest).as("%s: records of the backtest", topic.name()).hasSameSizeAs(kafka);
            for (int i = 0; i < kafka.size(); i++) {
                ConsumerRecord<byte[], byte[]> k = kafka.get(i);
                RecordLog.Entry b = backtest.get(i);
                assertThat(b.key()).as("%s key %d", topic.name(), i).isEqualTo(new String(k.key(), StandardCharsets.UTF_8));
                assertThat(values.serialize(topic.name(), b.value())).as("%s value %d: %s", topic.name(), i, b.value()).isEqualTo(k.value());
                assertThat(b.timestampMs()).as("%s timestamp %d", topic.name(), i).isEqualTo(k.timestamp());
            }
        }
    }
}
