/**
 * Sierra Chart zone (extension line) exports: "LineID, Open_time, Value, Close_time" where
 * Close_time is "Not Filled" for a level still open. LineIDs are not unique, so each
 * {@link io.liquidityengine.ingest.sierra.zones.ExportedLevel} gets a level id made of line id,
 * creation time and price.
 */
package io.liquidityengine.ingest.sierra.zones;
