package io.liquidityengine.topology.domain.position;

/** Instruction kind (mirrors execution OrderAction). */
public enum OrderAction {
    PLACE, MODIFY, CANCEL, FLATTEN
}
