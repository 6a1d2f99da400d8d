package io.liquidityengine.execution.broker;

/** Which order of a bracket an event is about. */
public enum OrderRole { ENTRY, TARGET, STOP, FLATTEN }
