package io.liquidityengine.ingest.sample;

import java.nio.file.Path;

/**
 * Files written by {@link SampleDayGenerator#writeTo(Path)}.
 *
 * @param scid        the tick file, e.g. {@code ES-SYNTHETIC-2024-12-05.scid}
 * @param optionDelta the option-delta file, e.g. {@code optiondelta-2024-12-05.txt}
 * @param summary     facts about the day
 */
public record SampleDayFiles(Path scid, Path optionDelta, SampleDaySummary summary) {
}
