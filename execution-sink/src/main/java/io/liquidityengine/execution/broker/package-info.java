/**
 * The broker SPI: what the execution sink asks of a broker (place a bracket, modify, cancel,
 * flatten) and what a broker tells it back ({@link io.liquidityengine.execution.broker.BrokerEvent}:
 * accepted, modified, filled, cancelled, rejected). Plain Java: no Kafka, no Avro. Prices are exact
 * decimals on the instrument's tick grid, quantities exact decimals, times UTC microseconds.
 */
package io.liquidityengine.execution.broker;
