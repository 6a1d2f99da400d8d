/**
 * Option-delta series files (the original engine's {@code optiondelta.txt}): a header row, then rows
 * {@code HH:MM:SS,value} in a configured time zone on a trading date taken from configuration or
 * from the file name. Only the first value of each minute is kept; its event time is the minute start.
 */
package io.liquidityengine.ingest.optiondelta;
