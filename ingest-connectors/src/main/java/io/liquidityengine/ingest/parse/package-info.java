/**
 * The outcome type shared by every ingest parser: each input unit (a SCID record, a CSV line)
 * yields either a {@link io.liquidityengine.ingest.parse.ParseResult.Parsed} value or a
 * {@link io.liquidityengine.ingest.parse.ParseProblem} saying why it was rejected, where it was,
 * and the raw bytes of the bad input (for a dead-letter topic).
 *
 * <p>Parsers never throw on bad data in the middle of a file: they report a problem and carry on
 * with the next unit. A wrong file header is reported as a {@code BAD_HEADER} problem and ends that
 * file. Plain Java: no Kafka, no Avro.
 */
package io.liquidityengine.ingest.parse;
