package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.DtcMessage;

/** Registry of every modelled message's {@link Layout}, indexed by type number. */
final class Layouts {

    private Layouts() {
    }

    /** Type numbers of protocol version 8 end below 1000; index by type, null where not modelled. */
    private static final Layout<?>[] BY_TYPE = new Layout<?>[1024];
    /** The project's own types ({@link ProjectLayouts}), from 20000 on. */
    private static final int PROJECT_BASE = 20_000;
    private static final Layout<?>[] PROJECT = new Layout<?>[ProjectLayouts.ALL.length];

    static {
        for (Layout<?>[] group : new Layout<?>[][] {
                SessionLayouts.ALL, MarketDataLayouts.ALL, SecurityDefinitionLayouts.ALL,
                HistoricalPriceDataLayouts.ALL, OrderLayouts.ALL, AccountLayouts.ALL}) {
            for (Layout<?> l : group) {
                if (BY_TYPE[l.type] != null) {
                    throw new ExceptionInInitializerError("two layouts for type " + l.type);
                }
                BY_TYPE[l.type] = l;
            }
        }
        for (Layout<?> l : ProjectLayouts.ALL) {
            PROJECT[l.type - PROJECT_BASE] = l;
        }
    }

    /** The layout for {@code type}, or null when the type is not modelled (any int is accepted). */
    static Layout<?> forType(int type) {
        if (type >= PROJECT_BASE && type < PROJECT_BASE + PROJECT.length) {
            return PROJECT[type - PROJECT_BASE];
        }
        return type >= 0 && type < BY_TYPE.length ? BY_TYPE[type] : null;
    }

    /** The layout for a message's class; null for {@link io.liquidityengine.dtc.message.UnknownMessage}. */
    @SuppressWarnings("unchecked")
    static Layout<DtcMessage> forMessage(DtcMessage m) {
        Layout<?> l = forType(m.type());
        return l != null && l.messageClass == m.getClass() ? (Layout<DtcMessage>) l : null;
    }

    static int count() {
        int n = 0;
        for (Layout<?> l : BY_TYPE) {
            n += l == null ? 0 : 1;
        }
        n += PROJECT.length;
        return n;
    }
}
