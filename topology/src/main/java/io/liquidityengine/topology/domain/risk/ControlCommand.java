package io.liquidityengine.topology.domain.risk;

import java.util.Objects;

/**
 * An operator command from control.commands (mirrors control ControlCommand).
 *
 * @param instrument limit the command to one instrument; null for all
 */
public record ControlCommand(String commandId, String account, CommandType command, String instrument, long eventMicros,
                             String issuedBy, String reason) {

    public ControlCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(command, "command");
        issuedBy = issuedBy == null ? "" : issuedBy;
        reason = reason == null ? "" : reason;
    }
}
