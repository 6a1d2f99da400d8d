package io.liquidityengine.execution.broker;

/** Type of a bracket's parent (entry) order. */
public enum EntryType { MARKET, LIMIT, STOP }
