package io.liquidityengine.topology.domain.levels;

/** CREATED when a level is drawn, FILLED when a later bar first trades through it. */
public enum LevelEventType {
    CREATED, FILLED
}
