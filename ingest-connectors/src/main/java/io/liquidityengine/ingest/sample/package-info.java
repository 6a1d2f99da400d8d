/**
 * A seeded, deterministic generator of a SYNTHETIC ES trading session for demos and tests: tick data
 * written as a Sierra Chart {@code .scid} file plus a matching option-delta file. Nothing in here is
 * real market data; the numbers only look plausible (0.25 grid, one-tick spread, U-shaped activity,
 * bursts, trending and ranging regimes, an option-delta series that follows the trend).
 */
package io.liquidityengine.ingest.sample;
