package io.liquidityengine.ingest.s3;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An object key with an optional {@code {date}} placeholder, replaced by the trading date as
 * {@code yyyy-MM-dd}: {@code deltas/{date}/optiondelta.txt} is {@code deltas/2024-12-05/optiondelta.txt}
 * on 5 December 2024. Any other {@code {...}} is a configuration error.
 */
public record S3KeyTemplate(String template) {

    private static final String DATE = "{date}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}?");

    public S3KeyTemplate {
        Objects.requireNonNull(template, "template");
        if (template.isBlank()) {
            throw new IllegalArgumentException("an S3 key template must not be blank");
        }
        if (template.startsWith("/")) {
            throw new IllegalArgumentException("an S3 key has no leading '/': " + template);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!m.group().equals(DATE)) {
                throw new IllegalArgumentException("unknown placeholder " + m.group() + " in S3 key template " + template
                        + "; only " + DATE + " (yyyy-MM-dd) is known");
            }
        }
    }

    /** The key of the object for {@code tradingDate}. */
    public String keyFor(LocalDate tradingDate) {
        return template.replace(DATE, tradingDate.toString());
    }

    /** Whether the key changes with the date. */
    public boolean dated() {
        return template.contains(DATE);
    }
}
