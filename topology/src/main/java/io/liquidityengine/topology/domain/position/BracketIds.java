package io.liquidityengine.topology.domain.position;

/**
 * The deterministic ids of brackets, instructions, legs and decisions: derived from the account,
 * the plan id and a revision only, so a replay produces the same ids.
 */
public final class BracketIds {

    private BracketIds() {
    }

    /** {@code <account>:<planId>}; also the position id of the position the bracket opens. */
    public static String bracketId(String account, String planId) {
        return account + ":" + planId;
    }

    /** {@code <bracketId>:<revision>:<action>}. */
    public static String clientOrderId(String bracketId, int revision, OrderAction action) {
        return bracketId + ":" + revision + ":" + action.name();
    }

    /** {@code <bracketId>:L<n>}, n the plan's 1-based leg number. */
    public static String legId(String bracketId, int leg) {
        return bracketId + ":L" + leg;
    }

    /** {@code <account>:<planId>:<revision>}. */
    public static String decisionId(String account, String planId, int revision) {
        return account + ":" + planId + ":" + revision;
    }
}
