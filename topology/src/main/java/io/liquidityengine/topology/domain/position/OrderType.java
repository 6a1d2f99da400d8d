package io.liquidityengine.topology.domain.position;

/** Type of a bracket's parent entry (mirrors execution OrderType). */
public enum OrderType {
    MARKET, LIMIT, STOP
}
