package io.liquidityengine.notifier.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.notifier.app.RedactingLogFilter;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void theTokenOfAWebhookUrlIsReplaced() {
        assertThat(Redaction.redact("POST https://discord.com/api/webhooks/1234567890/abcDEF-_.xyz?wait=true failed"))
                .isEqualTo("POST https://discord.com/api/webhooks/1234567890/***?wait=true failed");
        assertThat(Redaction.redact("\"https://discord.com/api/v10/webhooks/1/tok\" and /api/webhooks/2/t2"))
                .isEqualTo("\"https://discord.com/api/v10/webhooks/1/***\" and /api/webhooks/2/***");
        assertThat(new Webhook("fills", URI.create("https://discord.com/api/webhooks/42/s3cr3t")).toString())
                .isEqualTo("fills https://discord.com/api/webhooks/42/***");
    }

    @Test
    void theLogFilterRedactsMessagesAndTheirParameters() {
        LogRecord withParams = new LogRecord(Level.INFO, "posting to {0}");
        withParams.setParameters(new Object[] {"https://discord.com/api/webhooks/42/s3cr3t"});
        LogRecord plain = new LogRecord(Level.WARNING, "failed: https://discord.com/api/webhooks/42/s3cr3t");

        RedactingLogFilter filter = new RedactingLogFilter();
        assertThat(filter.isLoggable(withParams)).isTrue();
        assertThat(filter.isLoggable(plain)).isTrue();

        SimpleFormatter f = new SimpleFormatter();
        assertThat(f.formatMessage(withParams)).isEqualTo("posting to https://discord.com/api/webhooks/42/***");
        assertThat(f.formatMessage(plain)).isEqualTo("failed: https://discord.com/api/webhooks/42/***");
    }
}
