package io.liquidityengine.topology.bench;

/**
 * The tick stream every benchmark uses: a seeded random walk on the ES grid, one tick every 100 ms
 * per instrument (about 50 per 5 s bar), sizes 1-4 with bursts of 20 that stack footprint
 * imbalances (so levels are created and filled), instruments taking turns.
 */
final class BenchTicks {

    static final long T0_MICROS = 1_733_412_600_000_000L;   // 2024-12-05T15:30:00Z

    final String[] instrument;
    final long[] timeMicros;
    final double[] price;
    final double[] size;
    final boolean[] buy;

    BenchTicks(int n, String... instruments) {
        instrument = new String[n];
        timeMicros = new long[n];
        price = new double[n];
        size = new double[n];
        buy = new boolean[n];
        long seed = 42;
        long[] priceTicks = new long[instruments.length];
        java.util.Arrays.fill(priceTicks, 24_000);
        for (int i = 0; i < n; i++) {
            int k = i % instruments.length;
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int r = (int) (seed >>> 58);
            priceTicks[k] += r < 28 ? -1 : r > 35 ? 1 : 0;
            instrument[i] = instruments[k];
            timeMicros[i] = T0_MICROS + (i / instruments.length) * 100_000L;
            price[i] = priceTicks[k] * 0.25;
            size[i] = (i / instruments.length) % 97 < 4 ? 20 : 1 + (r & 3);
            buy[i] = r % 3 != 0;
        }
    }

    /** Kafka logs through slf4j to the JBoss log manager, which has no configuration here: keep it at WARN. */
    static void quietLogs() {
        org.jboss.logmanager.LogContext.getSystemLogContext().getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    int size() {
        return instrument.length;
    }
}
