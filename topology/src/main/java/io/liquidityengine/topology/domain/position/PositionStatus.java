package io.liquidityengine.topology.domain.position;

/** Open or closed (mirrors execution PositionStatus). */
public enum PositionStatus {
    OPEN, CLOSED
}
