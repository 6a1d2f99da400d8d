package io.liquidityengine.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.lockstep.LockstepRules;
import org.junit.jupiter.api.Test;

class LockstepRulesTest {

    @Test
    void aTradeRunsOnlyBeforeTheDecidedTime() {
        assertThat(LockstepRules.tradeMayRun(99, 100)).isTrue();
        assertThat(LockstepRules.tradeMayRun(100, 100)).isFalse();
        assertThat(LockstepRules.tradeMayRun(0, Long.MIN_VALUE)).isFalse();
    }

    @Test
    void aSignalWaitsForTheMarketOnlyWhileSomethingIsWorking() {
        assertThat(LockstepRules.signalMayBeDecided(100, false, Long.MIN_VALUE, false)).isTrue();
        assertThat(LockstepRules.signalMayBeDecided(100, true, 99, true)).isFalse();
        assertThat(LockstepRules.signalMayBeDecided(100, true, 100, false)).isFalse();
        assertThat(LockstepRules.signalMayBeDecided(100, true, 100, true)).isTrue();
    }

    @Test
    void theSinkTakesEarlierInputsFirstAndATradeBeforeAnOrderOfTheSameTime() {
        assertThat(LockstepRules.compareSinkInputs(5, false, 6, true)).isNegative();
        assertThat(LockstepRules.compareSinkInputs(6, true, 6, false)).isNegative();
        assertThat(LockstepRules.compareSinkInputs(6, false, 6, true)).isPositive();
        assertThat(LockstepRules.compareSinkInputs(6, true, 6, true)).isZero();
    }
}
