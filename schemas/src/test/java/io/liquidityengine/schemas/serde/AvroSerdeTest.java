package io.liquidityengine.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.registry.InMemorySchemaRegistry;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import io.liquidityengine.schemas.signals.DeltaPosition;
import io.liquidityengine.schemas.signals.TrendDirection;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    static Tick tick() {
        return Tick.newBuilder().setInstrument("ES").setEventTime(Instant.parse("2024-12-05T15:30:00.123456Z"))
                .setPrice(6084.25).setSize(3).setAggressor(AggressorSide.BUY).setBid(6084.0).setAsk(6084.25)
                .setSource("test").setSourceSequence(42).build();
    }

    @Test
    void shouldWriteConfluentWireFormatAndReadItBack() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        AvroSerde<Tick> serde = new AvroSerde<>(Tick.class, registry, false);
        byte[] bytes = serde.serializer().serialize("md.ticks", tick());

        assertThat(bytes[0]).isEqualTo((byte) 0);
        int id = ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
        assertThat(id).isEqualTo(registry.lookup("md.ticks-value", Tick.getClassSchema()));
        assertThat(serde.deserializer().deserialize("md.ticks", bytes)).isEqualTo(tick());
        assertThat(serde.deserializer().deserialize("md.ticks", bytes).getEventTime())
                .isEqualTo(Instant.parse("2024-12-05T15:30:00.123456Z"));
    }

    @Test
    void shouldCarryTheBiasTargetsThroughAnAccountSignal() {
        Bias bias = Bias.newBuilder().setInstrument("ES").setEventTime(Instant.parse("2024-12-05T15:30:05Z"))
                .setBias(BiasValue.LONG).setPreviousBias(BiasValue.HOLD).setFlip(true).setLiquiditySide(1)
                .setTrend(TrendDirection.LONG).setDeltaPosition(DeltaPosition.LONG).setExtended(false)
                .setNormalActionBars(24).setClose(5000.00).setLongTargets(List.of(5002.00, 5002.25, 5004.00))
                .setShortTargets(List.of(4998.00, 4998.00, 4998.00)).build();
        AvroSerde<AccountSignal> serde = new AvroSerde<>(AccountSignal.class, new InMemorySchemaRegistry(), false);

        byte[] bytes = serde.serializer().serialize("risk.signals-by-account", new AccountSignal(bias));
        Bias read = (Bias) serde.deserializer().deserialize("risk.signals-by-account", bytes).getEvent();

        assertThat(read.getLongTargets()).containsExactly(5002.00, 5002.25, 5004.00);
        assertThat(read.getShortTargets()).containsExactly(4998.00, 4998.00, 4998.00);
        assertThat(read).isEqualTo(bias);
    }

    @Test
    void shouldRegisterUnderTopicKeyAndValueSubjects() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        new AvroSerde<>(Tick.class, registry, true).serializer().serialize("t1", tick());
        new AvroSerde<>(Tick.class, registry, false).serializer().serialize("t1", tick());
        assertThat(registry.lookup("t1-key", Tick.getClassSchema())).isEqualTo(registry.lookup("t1-value", Tick.getClassSchema()));
        assertThatThrownBy(() -> registry.lookup("t2-value", Tick.getClassSchema())).hasMessageContaining("t2-value");
    }

    @Test
    void shouldReadRecordsWrittenWithAnOlderSchemaFillingDefaults() throws Exception {
        Schema old = SchemaBuilder.record("Tick").namespace("io.liquidityengine.schemas.marketdata").fields()
                .requiredString("instrument")
                .name("eventTime").type(org.apache.avro.LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
                .requiredDouble("price").requiredDouble("size")
                .name("aggressor").type(Tick.getClassSchema().getField("aggressor").schema()).noDefault()
                .endRecord();
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        int id = registry.register("md.ticks-value", old);
        GenericRecord r = new GenericData.Record(old);
        r.put("instrument", "NQ");
        r.put("eventTime", 1_700_000_000_000_001L);
        r.put("price", 16000.5);
        r.put("size", 2.0);
        r.put("aggressor", new GenericData.EnumSymbol(old.getField("aggressor").schema(), "SELL"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(old).write(r, enc);
        enc.flush();

        Tick read = new AvroSerde<>(Tick.class, registry, false).deserializer().deserialize("md.ticks", out.toByteArray());
        assertThat(read.getInstrument()).isEqualTo("NQ");
        assertThat(read.getEventTime()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 1_000));
        assertThat(read.getAggressor()).isEqualTo(AggressorSide.SELL);
        assertThat(read.getBid()).isNull();
        assertThat(read.getTradeCount()).isEqualTo(1);
        assertThat(read.getSourceSequence()).isEqualTo(-1L);
    }

    @Test
    void shouldRejectBytesWithoutMagicByteWithClearError() {
        AvroSerde<Tick> serde = new AvroSerde<>(Tick.class, new InMemorySchemaRegistry(), false);
        assertThatThrownBy(() -> serde.deserializer().deserialize("md.ticks", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("md.ticks").hasMessageContaining("magic byte 1");
        assertThatThrownBy(() -> serde.deserializer().deserialize("md.ticks", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2 bytes");
    }

    @Test
    void shouldPassTombstonesThrough() {
        AvroSerde<Tick> serde = new AvroSerde<>(Tick.class, new InMemorySchemaRegistry(), false);
        assertThat(serde.serializer().serialize("md.ticks", null)).isNull();
        assertThat(serde.deserializer().deserialize("md.ticks", null)).isNull();
    }

    @Test
    void mockUrlsShareOneInMemoryRegistryPerScope() {
        Map<String, String> config = Map.of("schema.registry.url", "mock://serde-test");
        AvroSerde<Tick> writer = AvroSerde.forValues(Tick.class, config);
        AvroSerde<Tick> reader = AvroSerde.forValues(Tick.class, config);
        assertThat(reader.deserializer().deserialize("x", writer.serializer().serialize("x", tick()))).isEqualTo(tick());
        SchemaRegistries.dropMock("serde-test");
    }

    @Test
    void shouldRoundTripDecimalMoney() {
        var report = io.liquidityengine.schemas.execution.ExecutionReport.newBuilder()
                .setReportId("r1").setClientOrderId("c1").setBracketId("c1").setAccount("acc").setInstrument("ES")
                .setExecType(io.liquidityengine.schemas.execution.ExecType.FILLED)
                .setRole(io.liquidityengine.schemas.execution.OrderRole.ENTRY)
                .setSide(io.liquidityengine.schemas.execution.Side.BUY).setFillPrice(6000.25).setFillQuantity(2)
                .setCommission(new BigDecimal("4.200000")).setEventTime(Instant.parse("2024-12-05T15:30:00Z")).build();
        var serde = new AvroSerde<>(io.liquidityengine.schemas.execution.ExecutionReport.class, new InMemorySchemaRegistry(), false);
        var back = serde.deserializer().deserialize("exec.reports", serde.serializer().serialize("exec.reports", report));
        assertThat(back.getCommission()).isEqualByComparingTo("4.2");
        assertThat(back).isEqualTo(report);
    }
}
