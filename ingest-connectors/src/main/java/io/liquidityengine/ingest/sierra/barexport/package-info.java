/**
 * Sierra Chart bar/study CSV exports ("Date, Time, Open, High, Low, Last, Volume, # of Trades, ...,
 * Bid Volume, Ask Volume, &lt;study columns&gt;"): columns are mapped by header name, each data line
 * becomes an {@link io.liquidityengine.ingest.sierra.barexport.ExportedBar} or a problem with its line number.
 */
package io.liquidityengine.ingest.sierra.barexport;
