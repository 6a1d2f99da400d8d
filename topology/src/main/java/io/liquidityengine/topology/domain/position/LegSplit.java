package io.liquidityengine.topology.domain.position;

import java.util.List;

/**
 * Splits an approved quantity over the plan's leg weights by largest remainder: each leg gets
 * floor(weight x quantity / total weight), the contracts left over go one each to the legs with the
 * largest remainders, ties to the earlier leg. Weights 1:2:1 give 3 -> 1,1,1; 4 -> 1,2,1; 2 -> 1,1,0;
 * 1 -> 0,1,0. Pure and deterministic.
 */
public final class LegSplit {

    private LegSplit() {
    }

    /** Contracts per leg, in leg order (zeros included; callers drop zero legs). */
    public static int[] split(List<Integer> weights, int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must be >= 0, was " + quantity);
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("at least one weight");
        }
        long total = 0;
        for (int w : weights) {
            if (w < 1) {
                throw new IllegalArgumentException("weights must be >= 1, was " + w);
            }
            total += w;
        }
        int n = weights.size();
        int[] out = new int[n];
        long[] remainder = new long[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            long share = (long) weights.get(i) * quantity;
            out[i] = (int) (share / total);
            remainder[i] = share % total;
            given += out[i];
        }
        for (int left = quantity - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
        }
        return out;
    }
}
