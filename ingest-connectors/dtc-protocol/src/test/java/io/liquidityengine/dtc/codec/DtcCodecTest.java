package io.liquidityengine.dtc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.dtc.codec.DtcProtocolException.Reason;
import io.liquidityengine.dtc.message.AtBidOrAsk;
import io.liquidityengine.dtc.message.BuySell;
import io.liquidityengine.dtc.message.CancelReplaceOrder;
import io.liquidityengine.dtc.message.CurrentPositionsReject;
import io.liquidityengine.dtc.message.Dtc;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.EncodingRequest;
import io.liquidityengine.dtc.message.EncodingResponse;
import io.liquidityengine.dtc.message.HistoricalOrderFillsReject;
import io.liquidityengine.dtc.message.HistoricalPriceDataRecordResponse;
import io.liquidityengine.dtc.message.HistoricalPriceDataReject;
import io.liquidityengine.dtc.message.HistoricalPriceDataRejectReason;
import io.liquidityengine.dtc.message.HistoricalPriceDataResponseHeader;
import io.liquidityengine.dtc.message.Logoff;
import io.liquidityengine.dtc.message.LogonRequest;
import io.liquidityengine.dtc.message.LogonResponse;
import io.liquidityengine.dtc.message.MarketDataSnapshot;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAsk;
import io.liquidityengine.dtc.message.MarketDataUpdateBidAskCompact;
import io.liquidityengine.dtc.message.MarketDataUpdateTrade;
import io.liquidityengine.dtc.message.MessageType;
import io.liquidityengine.dtc.message.OrderStatus;
import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.SecurityDefinitionResponse;
import io.liquidityengine.dtc.message.SubmitNewSingleOrder;
import io.liquidityengine.dtc.message.TimeInForce;
import io.liquidityengine.dtc.message.UnknownMessage;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DtcCodecTest {

    private final DtcCodec codec = new DtcCodec();

    private static final MarketDataUpdateTrade TRADE = new MarketDataUpdateTrade(1, AtBidOrAsk.ASK, 6043.25, 3.0, 1763130605.123);
    private static final String TRADE_HEX = "28006b0001000000020000000000000000000000409bb74000000000000008403bdf473bcf45da41";

    // ------------------------------------------------------------------ facts of the vectors README

    /** The README's table: message, type, size. */
    private static final List<Object[]> SIZES = List.of(
            new Object[] {"LogonRequest", 1, 284}, new Object[] {"LogonResponse", 2, 256},
            new Object[] {"Heartbeat", 3, 16}, new Object[] {"Logoff", 5, 102},
            new Object[] {"EncodingRequest", 6, 16}, new Object[] {"EncodingResponse", 7, 16},
            new Object[] {"MarketDataRequest", 101, 96}, new Object[] {"MarketDataReject", 103, 104},
            new Object[] {"MarketDataSnapshot", 104, 144}, new Object[] {"MarketDataUpdateTrade", 107, 40},
            new Object[] {"MarketDataUpdateBidAsk", 108, 40}, new Object[] {"MarketDataUpdateTradeCompact", 112, 24},
            new Object[] {"MarketDataUpdateSessionHigh", 114, 24}, new Object[] {"MarketDataUpdateBidAskCompact", 117, 28},
            new Object[] {"MarketDataUpdateTradeWithUnbundledIndicator", 137, 40},
            new Object[] {"MarketDataUpdateTradeWithUnbundledIndicator2", 146, 27},
            new Object[] {"SubmitNewOCOOrder", 201, 448}, new Object[] {"CancelOrder", 203, 100},
            new Object[] {"CancelReplaceOrder", 204, 192}, new Object[] {"SubmitNewSingleOrder", 208, 296},
            new Object[] {"OpenOrdersRequest", 300, 76}, new Object[] {"OrderUpdate", 301, 720},
            new Object[] {"OpenOrdersReject", 302, 104}, new Object[] {"HistoricalOrderFillsRequest", 303, 88},
            new Object[] {"HistoricalOrderFillResponse", 304, 384}, new Object[] {"CurrentPositionsRequest", 305, 40},
            new Object[] {"PositionUpdate", 306, 240}, new Object[] {"TradeAccountsRequest", 400, 8},
            new Object[] {"TradeAccountResponse", 401, 48}, new Object[] {"SecurityDefinitionForSymbolRequest", 506, 88},
            new Object[] {"SecurityDefinitionResponse", 507, 432}, new Object[] {"AccountBalanceUpdate", 600, 368},
            new Object[] {"AccountBalanceRequest", 601, 40}, new Object[] {"HistoricalPriceDataRequest", 800, 120},
            new Object[] {"HistoricalPriceDataResponseHeader", 801, 20},
            new Object[] {"HistoricalPriceDataRecordResponse", 803, 88},
            new Object[] {"HistoricalPriceDataTickRecordResponse", 804, 48},
            // not in the vectors; sizes from the header's struct layout
            new Object[] {"HistoricalPriceDataReject", 802, 108}, new Object[] {"CurrentPositionsReject", 307, 104},
            new Object[] {"HistoricalOrderFillsReject", 308, 104},
            // the project's own clock messages (MatchThroughCodecTest)
            new Object[] {"MatchThroughRequest", 20_000, 128}, new Object[] {"MatchThroughResponse", 20_001, 128});

    @Test
    void everyMessageHasItsTypeAndStructSize() throws Exception {
        for (Object[] row : SIZES) {
            Class<? extends DtcMessage> c = TestVectors.recordClass((String) row[0]);
            DtcMessage defaults = (DtcMessage) c.getMethod("defaults").invoke(null);
            assertThat(defaults.type()).as("%s type", row[0]).isEqualTo(row[1]);
            assertThat(c.getField("TYPE").getInt(null)).as("%s TYPE", row[0]).isEqualTo(row[1]);
            assertThat(DtcCodec.structSize((int) row[1])).as("%s size", row[0]).isEqualTo(row[2]);
            byte[] frame = codec.encode(defaults);
            assertThat(frame).as("%s frame", row[0]).hasSize((int) row[2]);
            assertThat(codec.decode(frame, 0, frame.length)).as("%s round trip", row[0]).isEqualTo(defaults);
        }
        assertThat(SIZES).hasSize(42);
        assertThat(DtcMessage.class.getPermittedSubclasses()).hasSize(43); // 42 records + UnknownMessage
    }

    @Test
    void readmeFacts() {
        assertThat(Dtc.CURRENT_PROTOCOL_VERSION).isEqualTo(8);
        assertThat(HexFormat.of().formatHex(codec.encode(EncodingRequest.defaults())))
                .isEqualTo("10000600" + "08000000" + "00000000" + "44544300");
        assertThat(EncodingRequest.defaults()).isEqualTo(new EncodingRequest(8, 0, "DTC"));
        // MarketDataUpdateTrade: SymbolID @4, AtBidOrAsk uint16 @8, 6 padding bytes, Price @16, Volume @24, DateTime @32
        byte[] t = codec.encode(TRADE);
        assertThat(HexFormat.of().formatHex(t)).isEqualTo(TRADE_HEX);
        ByteBuffer b = ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(4)).isEqualTo(1);
        assertThat(b.getShort(8)).isEqualTo((short) 2);
        assertThat(Arrays.copyOfRange(t, 10, 16)).containsOnly(0);
        assertThat(b.getDouble(16)).isEqualTo(6043.25);
        assertThat(b.getDouble(24)).isEqualTo(3.0);
        assertThat(b.getDouble(32)).isEqualTo(1763130605.123);
        // Logoff: 101 bytes of members + 1 byte of tail padding
        byte[] logoff = codec.encode(Logoff.builder().reason("x".repeat(200)).doNotReconnect(1).build());
        assertThat(logoff).hasSize(102);
        assertThat(logoff[99]).isZero(); // at most 95 characters of Reason, then NUL
        assertThat(logoff[100]).isEqualTo((byte) 1);
        assertThat(logoff[101]).isZero();
    }

    @Test
    void defaultsAreTheHeadersClearValues() {
        assertThat(LogonRequest.defaults().protocolVersion()).isEqualTo(8);
        LogonResponse lr = LogonResponse.defaults();
        assertThat(lr.protocolVersion()).isEqualTo(8);
        assertThat(lr.orderCancelReplaceSupported()).isEqualTo(1);
        assertThat(lr.marketDepthIsSupported()).isEqualTo(1);
        assertThat(lr.marketDataSupported()).isEqualTo(1);
        assertThat(lr.tradingIsSupported()).isZero();
        MarketDataSnapshot s = MarketDataSnapshot.defaults();
        assertThat(s.bidPrice()).isEqualTo(Dtc.UNSET_DOUBLE);
        assertThat(s.sessionNumTrades()).isEqualTo(0xFFFF_FFFFL);
        assertThat(s.openInterest()).isEqualTo(Dtc.UNSET_UINT32);
        assertThat(MarketDataUpdateBidAsk.defaults().askPrice()).isEqualTo(Double.MAX_VALUE);
        assertThat(MarketDataUpdateBidAskCompact.defaults().bidPrice()).isEqualTo(Float.MAX_VALUE);
        OrderUpdate ou = OrderUpdate.defaults();
        assertThat(List.of(ou.price1(), ou.price2(), ou.orderQuantity(), ou.filledQuantity(), ou.remainingQuantity(),
                ou.averageFillPrice(), ou.lastFillPrice(), ou.lastFillQuantity())).containsOnly(Double.MAX_VALUE);
        SecurityDefinitionResponse sd = SecurityDefinitionResponse.defaults();
        assertThat(sd.priceDisplayFormat()).isEqualTo(-1);
        assertThat(sd.floatToIntPriceMultiplier()).isEqualTo(1.0f);
        assertThat(sd.hasMarketDepthData()).isEqualTo(1);
        assertThat(CancelReplaceOrder.defaults().price1IsSet()).isEqualTo(1);
        assertThat(CancelReplaceOrder.defaults().price2IsSet()).isEqualTo(1);
    }

    @Test
    void builderSetsOnlyWhatIsGivenOnTopOfTheDefaults() {
        SubmitNewSingleOrder o = SubmitNewSingleOrder.builder()
                .symbol("ESZ5").exchange("CME").tradeAccount("Sim1").clientOrderId("b1:0:PLACE")
                .orderType(OrderType.LIMIT).buySell(BuySell.BUY).price1(6040.0).quantity(2.0)
                .timeInForce(TimeInForce.DAY).isAutomatedOrder(1).freeFormText("entry long")
                .openOrClose(1).price1AsString("6040.00").build();
        TestVectors.Vector v = vector("SubmitNewSingleOrder");
        assertThat(HexFormat.of().formatHex(codec.encode(o))).isEqualTo(HexFormat.of().formatHex(v.bytes()));
        assertThat(o.toBuilder().price1(6041.0).build()).isEqualTo(o.toBuilder().price1(6041.0).build())
                .isNotEqualTo(o);

        HistoricalPriceDataRecordResponse r = HistoricalPriceDataRecordResponse.builder().openInterest(7).build();
        assertThat(r.numTrades()).isEqualTo(7);
        assertThat(r.openInterest()).isEqualTo(7);
    }

    // ------------------------------------------------------------------ messages not in the vectors

    @Test
    void rejectsNotInTheVectorsRoundTrip() throws DtcProtocolException {
        HistoricalPriceDataReject h = new HistoricalPriceDataReject(12, "No data",
                HistoricalPriceDataRejectReason.UNABLE_TO_SERVE_DATA_RETRY_IN_SPECIFIED_SECONDS, 30);
        byte[] f = codec.encode(h);
        assertThat(f).hasSize(108);
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(2)).isEqualTo((short) 802);
        assertThat(b.getInt(4)).isEqualTo(12);
        assertThat(new String(f, 8, 7, StandardCharsets.US_ASCII)).isEqualTo("No data");
        assertThat(b.getShort(104)).isEqualTo((short) 1);
        assertThat(b.getShort(106)).isEqualTo((short) 30);
        assertThat(codec.decode(f, 0, f.length)).isEqualTo(h);

        for (DtcMessage m : List.of(new CurrentPositionsReject(8, "Unknown account"),
                new HistoricalOrderFillsReject(9, "Unknown account"))) {
            byte[] g = codec.encode(m);
            assertThat(g).hasSize(104);
            assertThat(g[2] & 0xFF | (g[3] & 0xFF) << 8).isEqualTo(m.type());
            assertThat(g[4]).isEqualTo((byte) (m.type() == 307 ? 8 : 9));
            assertThat(new String(g, 8, 15, StandardCharsets.US_ASCII)).isEqualTo("Unknown account");
            assertThat(codec.decode(g, 0, g.length)).isEqualTo(m);
        }
        assertThat(MessageType.CURRENT_POSITIONS_REJECT).isEqualTo(307);
        assertThat(MessageType.HISTORICAL_ORDER_FILLS_REJECT).isEqualTo(308);
        assertThat(MessageType.HISTORICAL_PRICE_DATA_REJECT).isEqualTo(802);
    }

    // ------------------------------------------------------------------ longer, shorter, unknown frames

    @Test
    void longerFrameDecodesTheKnownMembersAndIgnoresTheTail() throws DtcProtocolException {
        byte[] f = Arrays.copyOf(HexFormat.of().parseHex(TRADE_HEX), 52);
        Arrays.fill(f, 40, 52, (byte) 0x7F);
        f[0] = 52;
        assertThat(codec.decode(f, 0, f.length)).isEqualTo(TRADE);
        // and a longer OrderUpdate (a newer version appending members)
        byte[] ou = vector("OrderUpdate").bytes();
        byte[] longer = Arrays.copyOf(ou, 800);
        longer[0] = (byte) (800 & 0xFF);
        longer[1] = (byte) (800 >> 8);
        assertThat(codec.decode(longer, 0, longer.length)).isEqualTo(codec.decode(ou, 0, ou.length));
    }

    @Test
    void shorterFrameDecodesWhatItHoldsAndTheRestTakesTheGettersAbsentValues() throws DtcProtocolException {
        byte[] ou = vector("OrderUpdate").bytes();
        // Size 252: Price1 (@240, 8 bytes) is held, Price2 (@248) only half
        byte[] shortFrame = Arrays.copyOf(ou, 252);
        shortFrame[0] = (byte) 252;
        shortFrame[1] = 0;
        OrderUpdate full = (OrderUpdate) codec.decode(ou, 0, ou.length);
        OrderUpdate s = (OrderUpdate) codec.decode(shortFrame, 0, shortFrame.length);
        assertThat(s.symbol()).isEqualTo("ESZ5");
        assertThat(s.orderStatus()).isEqualTo(OrderStatus.OPEN);
        assertThat(s.price1()).isEqualTo(6040.0);
        assertThat(s.price2()).isEqualTo(Dtc.UNSET_DOUBLE);
        assertThat(s.orderQuantity()).isEqualTo(Dtc.UNSET_DOUBLE);
        assertThat(s.filledQuantity()).isEqualTo(Dtc.UNSET_DOUBLE);
        assertThat(s.tradeAccount()).isEmpty();
        assertThat(s.orderReceivedDateTime()).isZero();
        assertThat(s.toBuilder().price2(full.price2()).orderQuantity(full.orderQuantity())
                .filledQuantity(full.filledQuantity()).remainingQuantity(full.remainingQuantity())
                .timeInForce(full.timeInForce()).lastFillExecutionId(full.lastFillExecutionId())
                .tradeAccount(full.tradeAccount()).infoText(full.infoText()).openOrClose(full.openOrClose())
                .freeFormText(full.freeFormText()).orderReceivedDateTime(full.orderReceivedDateTime())
                .latestTransactionDateTime(full.latestTransactionDateTime()).username(full.username()).build())
                .isEqualTo(full);
        // a text member is held only when its whole array is: Symbol is char[64] at 16
        byte[] cut = Arrays.copyOf(ou, 79);
        cut[0] = 79;
        cut[1] = 0;
        assertThat(((OrderUpdate) codec.decode(cut, 0, cut.length)).symbol()).isEmpty();
    }

    @Test
    void headerOnlyFramesTakeTheGettersAbsentValues() throws DtcProtocolException {
        Map<Integer, DtcMessage> expected = Map.of(
                MessageType.MARKET_DATA_UPDATE_TRADE, new MarketDataUpdateTrade(0, 0, 0.0, 0.0, 0.0),
                MessageType.ENCODING_RESPONSE, new EncodingResponse(0, 0, ""));
        for (Map.Entry<Integer, DtcMessage> e : expected.entrySet()) {
            byte[] f = {4, 0, (byte) (e.getKey() & 0xFF), (byte) (e.getKey() >> 8)};
            assertThat(codec.decode(f, 0, 4)).isEqualTo(e.getValue());
        }
        byte[] sd = {4, 0, (byte) (507 & 0xFF), (byte) (507 >> 8)};
        SecurityDefinitionResponse s = (SecurityDefinitionResponse) codec.decode(sd, 0, 4);
        assertThat(s.priceDisplayFormat()).isEqualTo(-1);
        assertThat(s.floatToIntPriceMultiplier()).isEqualTo(1.0f);
        assertThat(s.intToFloatPriceDivisor()).isEqualTo(1.0f);
        assertThat(s.displayPriceMultiplier()).isEqualTo(1.0f);
        assertThat(s.hasMarketDepthData()).isEqualTo(1);
        assertThat(s.intToFloatQuantityDivisor()).isZero();
        byte[] hh = {4, 0, (byte) (801 & 0xFF), (byte) (801 >> 8)};
        assertThat(((HistoricalPriceDataResponseHeader) codec.decode(hh, 0, 4)).intToFloatPriceDivisor()).isEqualTo(1.0f);
        byte[] cr = {4, 0, (byte) 204, 0};
        CancelReplaceOrder c = (CancelReplaceOrder) codec.decode(cr, 0, 4);
        assertThat(c.price1IsSet()).isEqualTo(1);
        assertThat(c.price2IsSet()).isEqualTo(1);
        assertThat(c.price1()).isZero();
        // unlike Clear(), the getters report 0 for a missing ProtocolVersion and missing LogonResponse flags
        byte[] lr = {4, 0, 2, 0};
        assertThat(codec.decode(lr, 0, 4)).isEqualTo(LogonResponse.defaults().toBuilder()
                .protocolVersion(0).orderCancelReplaceSupported(0).marketDepthIsSupported(0).marketDataSupported(0).build());
    }

    @Test
    void unknownTypeDecodesToItsBytesAndEncodesBackUnchanged() throws DtcProtocolException {
        byte[] f = {9, 0, (byte) 0xE7, 0x03, 1, 2, 3, 4, 5}; // type 999, Size 9
        DtcMessage m = codec.decode(f, 0, f.length);
        assertThat(m).isEqualTo(new UnknownMessage(999, f));
        assertThat(((UnknownMessage) m).size()).isEqualTo(9);
        assertThat(codec.encode(m)).isEqualTo(f);
        assertThat(m.toString()).contains("type=999", "UNKNOWN_999", "0900e7030102030405");
        // a header type this module has no record for (MARKET_DEPTH_UPDATE_LEVEL)
        byte[] depth = new byte[32];
        depth[0] = 32;
        depth[2] = (byte) MessageType.MARKET_DEPTH_UPDATE_LEVEL;
        assertThat(codec.decode(depth, 0, depth.length)).isInstanceOf(UnknownMessage.class);
        assertThat(MessageType.name(MessageType.MARKET_DEPTH_UPDATE_LEVEL)).isEqualTo("MARKET_DEPTH_UPDATE_LEVEL");
        assertThat(DtcCodec.isModelled(MessageType.MARKET_DEPTH_UPDATE_LEVEL)).isFalse();
        assertThat(DtcCodec.isModelled(65535)).isFalse();
        assertThat(DtcCodec.structSize(65535)).isEqualTo(-1);
    }

    @Test
    void unknownMessageWhoseBytesAreNotOneFrameIsRefusedByTheEncoder() {
        assertThatThrownBy(() -> codec.encode(new UnknownMessage(999, new byte[] {9, 0, (byte) 0xE7, 3})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Size must equal the length");
        assertThatThrownBy(() -> codec.encode(new UnknownMessage(998, new byte[] {4, 0, (byte) 0xE7, 3})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encode(new UnknownMessage(999, new byte[] {3, 0, (byte) 0xE7})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ buffers

    @Test
    void decodeFromByteBuffersOfAnyKindAndOrderAdvancesByTheFrameSize() throws DtcProtocolException {
        byte[] two = concat(HexFormat.of().parseHex(TRADE_HEX), vector("Heartbeat").bytes());
        for (ByteBuffer b : List.of(ByteBuffer.wrap(two), ByteBuffer.wrap(two).order(ByteOrder.BIG_ENDIAN),
                ByteBuffer.wrap(two).asReadOnlyBuffer(), direct(two))) {
            ByteOrder order = b.order();
            assertThat(codec.decode(b)).isEqualTo(TRADE);
            assertThat(b.position()).isEqualTo(40);
            assertThat(codec.decode(b)).isEqualTo(codec.decode(vector("Heartbeat").bytes(), 0, 16));
            assertThat(b.position()).isEqualTo(56);
            assertThat(b.order()).isEqualTo(order); // the caller's buffer is not reconfigured
        }
        // a slice with an array offset
        byte[] padded = concat(new byte[] {7, 7, 7}, two);
        ByteBuffer slice = ByteBuffer.wrap(padded, 3, two.length).slice();
        assertThat(codec.decode(slice)).isEqualTo(TRADE);
        assertThat(codec.decode(padded, 3, padded.length - 3)).isEqualTo(TRADE);
    }

    @Test
    void encodeIntoByteBuffers() throws DtcProtocolException {
        for (ByteBuffer b : List.of(ByteBuffer.allocate(100), ByteBuffer.allocateDirect(100))) {
            b.put((byte) 0x55);
            for (int i = 1; i < 100; i++) {
                b.put(i, (byte) 0xAA); // garbage where the frame goes: padding must be rewritten as zero
            }
            assertThat(codec.encode(TRADE, b)).isEqualTo(40);
            assertThat(b.position()).isEqualTo(41);
            byte[] out = new byte[40];
            b.get(1, out);
            assertThat(HexFormat.of().formatHex(out)).isEqualTo(TRADE_HEX);
            b.position(70);
            assertThatThrownBy(() -> codec.encode(TRADE, b)).isInstanceOf(BufferOverflowException.class);
            assertThat(b.position()).isEqualTo(70);
        }
        byte[] arr = new byte[45];
        assertThat(codec.encode(TRADE, arr, 5)).isEqualTo(40);
        assertThat(codec.decode(arr, 5, 40)).isEqualTo(TRADE);
    }

    // ------------------------------------------------------------------ errors

    @Test
    void sizeBelowTheHeaderIsFrameTooShort() {
        for (int size = 0; size < 4; size++) {
            byte[] f = {(byte) size, 0, 107, 0, 1, 2};
            DtcProtocolException e = decodeError(f, 0, f.length);
            assertThat(e.reason()).isEqualTo(Reason.FRAME_TOO_SHORT);
            assertThat(e.offset()).isZero();
            assertThat(e.bytes()).isEqualTo(f);
            assertThat(e.getMessage()).contains("FRAME_TOO_SHORT", "Size " + size, "006b000102");
        }
    }

    @Test
    void sizeAboveTheMaximumIsFrameTooLong() {
        byte[] f = new byte[3000];
        f[0] = (byte) (2000 & 0xFF);
        f[1] = (byte) (2000 >> 8);
        f[2] = 107;
        DtcProtocolException e = assertThrows(() -> new DtcCodec(1024).decode(f, 0, f.length));
        assertThat(e.reason()).isEqualTo(Reason.FRAME_TOO_LONG);
        assertThat(e.bytes()).hasSize(64);
        assertThat(e.getMessage()).contains("Size 2000", "1024");
        // the default maximum is 16 KiB: "HT" of an HTTP reply is Size 0x5448
        byte[] http = "HTTP/1.1 400 Bad Request\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(decodeError(http, 0, http.length).reason()).isEqualTo(Reason.FRAME_TOO_LONG);
        assertThatThrownBy(() -> new DtcCodec(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DtcCodec(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DtcCodec(65535).maxFrameSize()).isEqualTo(65535);
    }

    @Test
    void fewerBytesThanTheHeaderOrTheSizeIsTruncated() {
        byte[] trade = HexFormat.of().parseHex(TRADE_HEX);
        for (int n = 0; n < 40; n++) {
            DtcProtocolException e = decodeError(trade, 0, n);
            assertThat(e.reason()).as("%d bytes", n).isEqualTo(Reason.TRUNCATED);
            assertThat(e.bytes()).isEqualTo(Arrays.copyOf(trade, n));
        }
        ByteBuffer b = ByteBuffer.wrap(trade, 0, 39);
        DtcProtocolException e = assertThrows(() -> codec.decode(b));
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.getMessage()).contains("Size 40 but only 39 bytes");
        assertThat(b.position()).isZero();
        ByteBuffer d = direct(Arrays.copyOf(trade, 2));
        assertThat(assertThrows(() -> codec.decode(d)).reason()).isEqualTo(Reason.TRUNCATED);
        ByteBuffer at = ByteBuffer.wrap(concat(new byte[10], Arrays.copyOf(trade, 20)));
        at.position(10);
        assertThat(assertThrows(() -> codec.decode(at)).offset()).isEqualTo(10);
    }

    // ------------------------------------------------------------------ text

    @Test
    void textIsUtf8CutAtACharacterBoundaryAndNulPadded() throws DtcProtocolException {
        // ServerOrderID is char[32] at 4: at most 31 bytes
        CancelReplaceOrder c = CancelReplaceOrder.builder().serverOrderId("é".repeat(20)).clientOrderId("Café €").build();
        byte[] f = codec.encode(c);
        CancelReplaceOrder back = (CancelReplaceOrder) codec.decode(f, 0, f.length);
        assertThat(back.serverOrderId()).isEqualTo("é".repeat(15)); // 30 bytes; the 16th would need 32
        assertThat(f[4 + 30]).isZero();
        assertThat(back.clientOrderId()).isEqualTo("Café €");
        assertThat(codec.encode(back)).isEqualTo(f);
        // ASCII: at most length - 1 characters, then NUL
        byte[] g = codec.encode(CancelReplaceOrder.builder().serverOrderId("9".repeat(40)).build());
        assertThat(((CancelReplaceOrder) codec.decode(g, 0, g.length)).serverOrderId()).isEqualTo("9".repeat(31));
        assertThat(g[4 + 31]).isZero();
        // null is written as empty text
        byte[] n = codec.encode(CancelReplaceOrder.builder().serverOrderId(null).build());
        assertThat(n).isEqualTo(codec.encode(CancelReplaceOrder.defaults().toBuilder().serverOrderId("").build()));
    }

    @Test
    void textReadsUpToTheFirstNulAndNeverTheLastByteAndFallsBackToLatin1() throws DtcProtocolException {
        byte[] f = codec.encode(CancelReplaceOrder.defaults());
        // ServerOrderID char[32] at 4 entirely filled, no NUL: the last byte is not text (the getter writes NUL there)
        Arrays.fill(f, 4, 36, (byte) 'A');
        // ClientOrderID char[32] at 36: "ab", NUL, then bytes after the NUL that are ignored
        f[36] = 'a';
        f[37] = 'b';
        f[39] = 'z';
        // TradeAccount char[32] at 121: not UTF-8 (Latin-1 "Zürich")
        byte[] latin1 = "Zürich".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(latin1, 0, f, 121, latin1.length);
        CancelReplaceOrder c = (CancelReplaceOrder) codec.decode(f, 0, f.length);
        assertThat(c.serverOrderId()).isEqualTo("A".repeat(31));
        assertThat(c.clientOrderId()).isEqualTo("ab");
        assertThat(c.tradeAccount()).isEqualTo("Zürich");
        // re-encoded as UTF-8, which then decodes to the same text
        byte[] again = codec.encode(c);
        assertThat(codec.decode(again, 0, again.length)).isEqualTo(c);
    }

    @Test
    void utf8ValidatorAcceptsExactlyWellFormedSequences() {
        String[] good = {"", "abc", "é", "€", "😀", "\u07ff", "\uffff", "\ud7ff", "\ue000", "\udbff\udfff"};
        for (String s : good) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertThat(FieldReader.isWellFormedUtf8(b, 0, b.length)).as(s).isTrue();
        }
        int[][] bad = {{0x80}, {0xC0, 0x80}, {0xC1, 0xBF}, {0xC2}, {0xE0, 0x80, 0x80}, {0xE0, 0xA0},
                {0xED, 0xA0, 0x80}, {0xF0, 0x80, 0x80, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80},
                {0xFF}, {0xE2, 0x82, 0x41}, {0xC3, 0xC3}};
        for (int[] seq : bad) {
            byte[] b = new byte[seq.length];
            for (int i = 0; i < seq.length; i++) {
                b[i] = (byte) seq[i];
            }
            assertThat(FieldReader.isWellFormedUtf8(b, 0, b.length)).as(HexFormat.of().formatHex(b)).isFalse();
            // agrees with the JDK: a malformed sequence does not survive a UTF-8 round trip
            assertThat(new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isNotEqualTo(b);
        }
    }

    // ------------------------------------------------------------------ helpers

    static TestVectors.Vector vector(String message) {
        return TestVectors.all().stream().filter(v -> v.message().equals(message)).findFirst().orElseThrow();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static ByteBuffer direct(byte[] b) {
        ByteBuffer d = ByteBuffer.allocateDirect(b.length);
        d.put(b).flip();
        return d;
    }

    private DtcProtocolException decodeError(byte[] a, int off, int len) {
        return assertThrows(() -> codec.decode(a, off, len));
    }

    interface Decoding {
        void run() throws DtcProtocolException;
    }

    static DtcProtocolException assertThrows(Decoding d) {
        try {
            d.run();
        } catch (DtcProtocolException e) {
            return e;
        }
        throw new AssertionError("expected a DtcProtocolException");
    }
}
