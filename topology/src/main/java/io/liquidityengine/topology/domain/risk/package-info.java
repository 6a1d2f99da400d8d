/**
 * The risk stage's domain core, per account: {@link io.liquidityengine.topology.domain.risk.AccountRisk}
 * turns plan events into decisions ({@link io.liquidityengine.topology.domain.risk.RiskDecision}, one per
 * plan event, with a reason code and the numbers behind it) and bracket orders, takes execution feedback,
 * kill-switch commands and the clock, and is stored with
 * {@link io.liquidityengine.topology.domain.risk.AccountRiskCodec}. Rules and defaults:
 * {@link io.liquidityengine.topology.domain.risk.RiskConfig}; instrument terms (grid, tick value, session,
 * zone): {@link io.liquidityengine.topology.domain.risk.InstrumentTerms}. Values mirror the Avro contracts
 * (RiskDecision, ControlCommand) symbol for symbol. No Kafka, Avro or wall clock; money in BigDecimal.
 */
package io.liquidityengine.topology.domain.risk;
