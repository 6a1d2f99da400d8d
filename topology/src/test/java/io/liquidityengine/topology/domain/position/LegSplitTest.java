package io.liquidityengine.topology.domain.position;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LegSplitTest {

    private static final List<Integer> ONE_TWO_ONE = List.of(1, 2, 1);

    @Test
    void shouldSplitByLargestRemainderWithTiesToTheEarlierLeg() {
        assertThat(LegSplit.split(ONE_TWO_ONE, 4)).containsExactly(1, 2, 1);
        assertThat(LegSplit.split(ONE_TWO_ONE, 3)).containsExactly(1, 1, 1);
        assertThat(LegSplit.split(ONE_TWO_ONE, 2)).containsExactly(1, 1, 0);
        assertThat(LegSplit.split(ONE_TWO_ONE, 1)).containsExactly(0, 1, 0);
        assertThat(LegSplit.split(ONE_TWO_ONE, 0)).containsExactly(0, 0, 0);
        assertThat(LegSplit.split(ONE_TWO_ONE, 6)).containsExactly(2, 3, 1);
    }

    @Test
    void shouldAlwaysGiveTheWholeQuantity() {
        for (int q = 0; q <= 40; q++) {
            assertThat(java.util.Arrays.stream(LegSplit.split(List.of(1, 2, 1), q)).sum()).isEqualTo(q);
            assertThat(java.util.Arrays.stream(LegSplit.split(List.of(3, 1), q)).sum()).isEqualTo(q);
        }
    }
}
