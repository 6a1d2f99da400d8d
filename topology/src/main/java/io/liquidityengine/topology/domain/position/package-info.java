/**
 * Brackets and position management: {@link io.liquidityengine.topology.domain.position.ManagedBracket}
 * follows one bracket from its PLACE through the open position to its close (break-even after T1,
 * targets following their levels, stops only ever tightened, flatten), with deterministic ids
 * ({@link io.liquidityengine.topology.domain.position.BracketIds}) and the 1:2:1 leg split
 * ({@link io.liquidityengine.topology.domain.position.LegSplit}). Order instructions, execution
 * reports and positions mirror the Avro contracts (Order, ExecutionReport, Position) one to one.
 * Prices inside are whole ticks; P&L is ticks x contracts, money ticks x tick value.
 */
package io.liquidityengine.topology.domain.position;
