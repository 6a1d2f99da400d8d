package io.liquidityengine.notifier.app;

import io.liquidityengine.notifier.discord.Redaction;
import io.quarkus.logging.LoggingFilter;
import java.text.MessageFormat;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Log filter ({@code quarkus.log.console.filter=redact-webhook-tokens}) that rewrites every record's
 * message, with its parameters applied, through {@link Redaction}, so no webhook token reaches a log
 * even from a library that prints a URL.
 */
@LoggingFilter(name = "redact-webhook-tokens")
public final class RedactingLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (message != null && params != null && params.length > 0) {
            try {
                message = message.contains("{0") ? MessageFormat.format(message, params) : String.format(message, params);
            } catch (RuntimeException e) {
                // keep the pattern as it is
            }
        }
        String redacted = Redaction.redact(message);
        if (redacted != null && !redacted.equals(record.getMessage())) {
            record.setMessage(redacted);
            record.setParameters(null);
        }
        return true;
    }
}
