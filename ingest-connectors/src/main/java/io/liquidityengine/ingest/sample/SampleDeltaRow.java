package io.liquidityengine.ingest.sample;

import java.time.LocalTime;

/**
 * One synthetic option-delta row as written to the file ({@code HH:MM:SS,value}, local exchange time).
 *
 * @param time  local time of the row (America/New_York by default)
 * @param value net option delta, two decimals
 */
public record SampleDeltaRow(LocalTime time, String value) {
}
