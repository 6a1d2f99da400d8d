package io.liquidityengine.topology.domain.position;

/** Which order of a bracket a report is about (mirrors execution OrderRole). */
public enum OrderRole {
    ENTRY, TARGET, STOP, FLATTEN
}
