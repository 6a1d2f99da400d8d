package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.codec.DtcCodec;
import io.liquidityengine.dtc.codec.DtcProtocolException;
import io.liquidityengine.dtc.message.BuySell;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.OrderStatus;
import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.OrderUpdateReason;
import io.liquidityengine.dtc.message.SubmitNewOCOOrder;
import io.liquidityengine.dtc.message.SubmitNewSingleOrder;
import io.liquidityengine.dtc.message.TimeInForce;
import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerFactory;
import io.liquidityengine.execution.broker.BrokerSettings;
import java.util.List;

/** {@code broker=dtc}: orders to a Sierra Chart (or any DTC) trading service; settings in {@link DtcBrokerConfig}. */
public final class DtcBrokerFactory implements BrokerFactory {

    public static final String NAME = "dtc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DtcBroker create(BrokerContext context) {
        DtcBrokerConfig config = DtcBrokerConfig.from(context.settings());
        DtcCredentials credentials = config.username().isEmpty() && config.passwordFile().isEmpty() && config.passwordEnv().isEmpty()
                ? DtcCredentials.none()
                : DtcCredentials.resolve(config.username(), config.passwordFile(), config.passwordEnv(), System.getenv());
        return new DtcBroker(context, config, credentials);
    }

    /** An entry and an OCO pair encoded and decoded, an order update decoded, and a hashed client order id. */
    @Override
    public void warmUp() {
        String id = DtcIds.of("warm-up:warm-up-strategy:WARMUP:1733412600000000:1:1:PLACE", 2);
        DtcCodec codec = new DtcCodec(DtcCodec.DEFAULT_MAX_FRAME_SIZE);
        List<DtcMessage> messages = List.of(
                SubmitNewSingleOrder.builder().symbol("WARMUP").exchange("X").tradeAccount("warm-up").clientOrderId(id)
                        .orderType(OrderType.LIMIT).buySell(BuySell.BUY).price1(6000.0).quantity(2).timeInForce(TimeInForce.GOOD_TILL_CANCELED)
                        .isAutomatedOrder(1).isParentOrder(1).build(),
                SubmitNewOCOOrder.builder().symbol("WARMUP").exchange("X").tradeAccount("warm-up")
                        .clientOrderId_1(id + "/T1").orderType_1(OrderType.LIMIT).buySell_1(BuySell.SELL).price1_1(6002.0).quantity_1(2)
                        .clientOrderId_2(id + "/S1").orderType_2(OrderType.STOP).buySell_2(BuySell.SELL).price1_2(5998.0).quantity_2(2)
                        .timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1).parentTriggerClientOrderId(id).build(),
                OrderUpdate.builder().symbol("WARMUP").exchange("X").tradeAccount("warm-up").clientOrderId(id).serverOrderId("1")
                        .orderStatus(OrderStatus.OPEN).orderUpdateReason(OrderUpdateReason.NEW_ORDER_ACCEPTED).build());
        try {
            for (DtcMessage m : messages) {
                byte[] frame = codec.encode(m);
                codec.decode(frame, 0, frame.length);
            }
        } catch (DtcProtocolException e) {
            throw new IllegalStateException("the DTC codec refused its own frame: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe(BrokerSettings settings) {
        return DtcBrokerConfig.from(settings).describe();
    }
}
