package io.liquidityengine.ingest.dtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.StreamPosition;
import io.liquidityengine.schemas.deadletter.PositionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeStreamTest {

    private static DtcTrade t(long micros, double price) {
        return new DtcTrade(micros, price, 1, 2);
    }

    private static TradeStream resumedAt(long lastMicros, long atLast, long published) {
        return TradeStream.resume(StreamPosition.newBuilder().setStream("ES").setNextPosition(published)
                .setPositionKind(PositionKind.RECORD_INDEX).setLastEventTime(Micros.instant(lastMicros))
                .setAtLastEventTime(atLast).build());
    }

    @Test
    void aNewStreamPublishesLiveTradesAtOnceAndCountsTradesAtOneTime() {
        TradeStream s = new TradeStream("ES");
        s.connected();
        assertThat(s.resyncing()).isFalse();
        assertThat(s.onLive(t(10, 1.0))).containsExactly(t(10, 1.0));
        assertThat(s.onLive(t(10, 1.25))).containsExactly(t(10, 1.25));
        assertThat(s.onLive(t(11, 1.5))).containsExactly(t(11, 1.5));
        StreamPosition p = s.position();
        assertThat(p.getNextPosition()).isEqualTo(3);
        assertThat(Micros.of(p.getLastEventTime())).isEqualTo(11);
        assertThat(p.getAtLastEventTime()).isEqualTo(1);
    }

    @Test
    void aReconnectTakesHistoryAfterThePositionAndLiveTradesAfterTheOverlap() {
        // published before: ..., 10a, 10b (two trades at time 10), 5 in all
        TradeStream s = resumedAt(10, 2, 5);
        s.connected();
        assertThat(s.resyncing()).isTrue();
        // subscribed: live trades from 11b on are buffered
        assertThat(s.onLive(t(11, 2.25))).isEmpty();
        assertThat(s.onLive(t(12, 2.5))).isEmpty();
        assertThat(s.onLive(t(13, 2.75))).isEmpty();
        // history from the second of the position up to the moment of the request
        for (DtcTrade h : List.of(t(9, 1.0), t(10, 1.25), t(10, 1.5), t(10, 1.75), t(11, 2.0), t(11, 2.25), t(12, 2.5))) {
            s.onHistory(h);
        }
        assertThat(s.onHistoryEnd()).containsExactly(t(10, 1.75), t(11, 2.0), t(11, 2.25), t(12, 2.5), t(13, 2.75));
        assertThat(s.resyncing()).isFalse();
        assertThat(s.published()).isEqualTo(10);
        assertThat(s.position().getAtLastEventTime()).isEqualTo(1);
        assertThat(s.onLive(t(13, 3.0))).containsExactly(t(13, 3.0));
        assertThat(s.position().getAtLastEventTime()).isEqualTo(2);
    }

    @Test
    void liveTradesAfterTheEndOfHistoryAllFollow() {
        TradeStream s = resumedAt(10, 1, 1);
        s.connected();
        s.onLive(t(12, 2.0));
        s.onHistory(t(10, 1.0));
        s.onHistory(t(11, 1.5));
        assertThat(s.onHistoryEnd()).containsExactly(t(11, 1.5), t(12, 2.0));
    }

    @Test
    void identicalPrintsInTheOverlapAreMatchedByPositionNotCollapsed() {
        TradeStream s = resumedAt(10, 1, 1);
        s.connected();
        // three identical prints at time 11: the subscription saw the last two, the history all three
        s.onLive(t(11, 2.0));
        s.onLive(t(11, 2.0));
        s.onLive(t(12, 2.5));
        s.onHistory(t(10, 1.0));
        s.onHistory(t(11, 2.0));
        s.onHistory(t(11, 2.0));
        s.onHistory(t(11, 2.0));
        assertThat(s.onHistoryEnd()).containsExactly(t(11, 2.0), t(11, 2.0), t(11, 2.0), t(12, 2.5));
        assertThat(s.published()).isEqualTo(5);
    }

    @Test
    void historyRunningPastTheLiveBufferIsPublishedOnceAndItsLiveCopiesAreRecognised() {
        TradeStream s = resumedAt(10, 1, 1);
        s.connected();
        s.onLive(t(11, 2.0)); // the subscription's first trade
        // the server's history already holds two trades at 12 whose live messages are still on their way
        for (DtcTrade h : List.of(t(10, 1.0), t(11, 2.0), t(12, 2.5), t(12, 2.5))) {
            s.onHistory(h);
        }
        assertThat(s.onHistoryEnd()).containsExactly(t(11, 2.0), t(12, 2.5), t(12, 2.5));
        assertThat(s.published()).isEqualTo(4);

        // their live copies: neither behind nor published again; the next print at the same time is a new trade
        assertThat(s.isBehind(t(12, 2.5))).isFalse();
        assertThat(s.onLive(t(12, 2.5))).isEmpty();
        assertThat(s.onLive(t(12, 2.5))).isEmpty();
        assertThat(s.onLive(t(12, 2.5))).containsExactly(t(12, 2.5));
        assertThat(s.published()).isEqualTo(5);
        assertThat(s.position().getAtLastEventTime()).isEqualTo(3);
    }

    @Test
    void withNothingLiveYetTheSnapshotsLastTradeMarksWhereTheLiveCopiesBegin() {
        TradeStream s = resumedAt(10, 1, 1);
        s.connected();
        s.subscribed(new DtcTrade(11, 2.0, 1, 0)); // the market's last trade when the subscription began (no side in a snapshot)
        for (DtcTrade h : List.of(t(10, 1.0), t(11, 2.0), t(12, 2.5), t(12, 2.5))) {
            s.onHistory(h);
        }
        assertThat(s.onHistoryEnd()).containsExactly(t(11, 2.0), t(12, 2.5), t(12, 2.5));

        assertThat(s.onLive(t(12, 2.5))).isEmpty();
        assertThat(s.onLive(t(12, 2.5))).isEmpty();
        assertThat(s.onLive(t(12, 2.5))).containsExactly(t(12, 2.5));
        assertThat(s.published()).isEqualTo(5);
    }

    @Test
    void aSnapshotWhoseLastTradeEndsTheHistoryExpectsNoLiveCopies() {
        TradeStream s = resumedAt(10, 1, 1);
        s.connected();
        s.subscribed(new DtcTrade(12, 2.5, 1, 0));
        for (DtcTrade h : List.of(t(10, 1.0), t(11, 2.0), t(12, 2.5))) {
            s.onHistory(h);
        }
        assertThat(s.onHistoryEnd()).containsExactly(t(11, 2.0), t(12, 2.5));
        assertThat(s.onLive(t(12, 2.5))).as("a new print like the last").containsExactly(t(12, 2.5));
        assertThat(s.published()).isEqualTo(4);
    }

    @Test
    void anEchoThatDoesNotComeIsForgottenAtTheNextOtherTrade() {
        TradeStream s = resumedAt(10, 1, 1);
        s.connected();
        s.onLive(t(11, 2.0));
        for (DtcTrade h : List.of(t(10, 1.0), t(11, 2.0), t(12, 2.5))) {
            s.onHistory(h);
        }
        assertThat(s.onHistoryEnd()).containsExactly(t(11, 2.0), t(12, 2.5));
        assertThat(s.onLive(t(13, 3.0))).containsExactly(t(13, 3.0));
        assertThat(s.isBehind(t(12, 2.5))).as("no echo is expected any more").isTrue();
    }

    @Test
    void aLostConnectionDropsTheBuffersAndTheNextConnectAsksAgain() {
        TradeStream s = resumedAt(10, 1, 1);
        s.connected();
        s.onLive(t(11, 2.0));
        s.onHistory(t(11, 2.0));
        s.disconnected();
        assertThat(s.onHistoryEnd()).isEmpty();
        assertThat(s.published()).isEqualTo(1);
        s.connected();
        s.onHistory(t(10, 1.0));
        s.onHistory(t(11, 2.0));
        assertThat(s.onHistoryEnd()).containsExactly(t(11, 2.0));
    }

    @Test
    void aLiveTradeOlderThanThePositionIsBehindOutsideAMerge() {
        TradeStream s = resumedAt(10, 1, 1);
        assertThat(s.isBehind(t(9, 1.0))).isTrue();
        assertThat(s.isBehind(t(10, 1.0))).isFalse();
        s.connected();
        assertThat(s.isBehind(t(9, 1.0))).isFalse();
    }

    @Test
    void dtcSecondsRoundTripToTheMicrosecond() {
        for (long micros : new long[] {1_606_267_301_954_000L, 1_622_480_287_577_123L, 1_763_130_605_123_456L, 4_102_444_799_999_999L}) {
            assertThat(DtcTrade.micros(DtcTrade.seconds(micros))).isEqualTo(micros);
        }
    }
}
