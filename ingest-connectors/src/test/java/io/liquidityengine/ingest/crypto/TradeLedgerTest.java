package io.liquidityengine.ingest.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.crypto.TradeLedger.Verdict;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.control.StreamPosition;
import io.liquidityengine.schemas.deadletter.PositionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeLedgerTest {

    @Test
    void shouldJudgeTradesAgainstTheLastPublishedIdPerSymbol() {
        TradeLedger ledger = new TradeLedger();
        assertThat(ledger.judge("BTCUSDT", 100)).isEqualTo(Verdict.FIRST);
        ledger.done("BTCUSDT", 100, 5_000);
        assertThat(ledger.judge("BTCUSDT", 101)).isEqualTo(Verdict.NEXT);
        assertThat(ledger.judge("BTCUSDT", 100)).isEqualTo(Verdict.DUPLICATE);
        assertThat(ledger.judge("BTCUSDT", 99)).isEqualTo(Verdict.DUPLICATE);
        assertThat(ledger.judge("BTCUSDT", 103)).isEqualTo(Verdict.GAP);
        assertThat(ledger.judge("ETHUSDT", 1)).isEqualTo(Verdict.FIRST);
    }

    @Test
    void shouldCheckpointTheIdAfterTheLastPublishedTradeAndResumeFromIt() {
        TradeLedger ledger = new TradeLedger();
        ledger.done("ETHUSDT", 7, 1_617_566_591_314_000L);
        ledger.done("BTCUSDT", 665076760, 1_617_566_591_315_000L);
        List<StreamPosition> positions = ledger.positions();
        assertThat(positions).containsExactly(
                StreamPosition.newBuilder().setStream("BTCUSDT").setVersion(null).setNextPosition(665076761L)
                        .setPositionKind(PositionKind.RECORD_INDEX).setLastEventTime(Micros.instant(1_617_566_591_315_000L))
                        .setAtLastEventTime(0).build(),
                StreamPosition.newBuilder().setStream("ETHUSDT").setVersion(null).setNextPosition(8L)
                        .setPositionKind(PositionKind.RECORD_INDEX).setLastEventTime(Micros.instant(1_617_566_591_314_000L))
                        .setAtLastEventTime(0).build());
        TradeLedger resumed = TradeLedger.resume(positions);
        assertThat(resumed.lastId("BTCUSDT")).isEqualTo(665076760L);
        assertThat(resumed.judge("ETHUSDT", 8)).isEqualTo(Verdict.NEXT);
        assertThat(resumed.positions()).isEqualTo(positions);
    }
}
