/**
 * Sierra Chart intraday data files ({@code .scid}): a 56-byte header then 40-byte little-endian
 * records. {@link io.liquidityengine.ingest.sierra.scid.ScidReader} streams and validates records
 * (resumable by record index, follow mode for files still being appended);
 * {@link io.liquidityengine.ingest.sierra.scid.ScidWriter} writes valid files (tests, the sample
 * generator). Parsing only: no Kafka here.
 *
 * <p>Record layout (all little-endian): SCDateTimeMS int64 (microseconds since 1899-12-30 00:00 UTC),
 * open, high, low, close float32, number of trades, total volume, bid volume, ask volume uint32.
 * A tick record has open 0 (or one of the two unbundled-trade sentinels) and carries the trade price
 * in close, the ask in high and the bid in low; ask volume &gt; 0 means a buyer lifted the ask.
 */
package io.liquidityengine.ingest.sierra.scid;
