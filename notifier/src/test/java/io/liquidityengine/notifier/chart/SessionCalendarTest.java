package io.liquidityengine.notifier.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Sessions per instrument from ref.instruments, the fallback for the others, and where a re-read starts. */
class SessionCalendarTest {

    private final SessionCalendar calendar = SessionCalendar.futuresDefault();

    @Test
    void aBarBelongsToTheSessionOfTheFirstCloseAtOrAfterItsEnd() {
        calendar.put(Session.instrument("ES", "America/New_York", LocalTime.of(17, 0)));
        calendar.put(Session.instrument("BTC-USD", "UTC", LocalTime.MIDNIGHT));

        assertThat(calendar.session("ES", Instant.parse("2024-12-05T22:00:00Z"))).isEqualTo(LocalDate.of(2024, 12, 5)); // 17:00 ET
        assertThat(calendar.session("ES", Instant.parse("2024-12-05T22:00:01Z"))).isEqualTo(LocalDate.of(2024, 12, 6));
        assertThat(calendar.closeOf("ES", LocalDate.of(2024, 12, 5))).isEqualTo(Instant.parse("2024-12-05T22:00:00Z"));
        assertThat(calendar.closeOf("BTC-USD", LocalDate.of(2024, 12, 5))).isEqualTo(Instant.parse("2024-12-05T00:00:00Z"));
        assertThat(calendar.session("BTC-USD", Instant.parse("2024-12-05T23:59:00Z"))).isEqualTo(LocalDate.of(2024, 12, 6));
        assertThat(calendar.of("BTC-USD").zone()).hasToString("UTC");
        // not on ref.instruments: 16:00 America/New_York
        assertThat(calendar.closeOf("NQ", LocalDate.of(2024, 12, 5))).isEqualTo(Instant.parse("2024-12-05T21:00:00Z"));
        assertThat(calendar.of("NQ").zone()).hasToString("America/New_York");
    }

    @Test
    void aRereadStartsAtTheEarliestPreviousClose() {
        Instant latest = Instant.parse("2024-12-05T20:59:00Z"); // 15:59 ET
        assertThat(calendar.earliestSessionStart(latest)).isEqualTo(Instant.parse("2024-12-04T21:00:00Z"));

        calendar.put(Session.instrument("ES", "America/New_York", LocalTime.of(17, 0))); // previous close 2024-12-04 22:00Z
        calendar.put(Session.instrument("BTC-USD", "UTC", LocalTime.MIDNIGHT)); // 2024-12-05 00:00Z
        calendar.put(Session.instrument("Z", "UTC", LocalTime.of(20, 0))); // 20:59 is after today's close: 2024-12-05 20:00Z
        assertThat(calendar.previousClose("ES", latest)).isEqualTo(Instant.parse("2024-12-04T22:00:00Z"));
        assertThat(calendar.previousClose("Z", latest)).isEqualTo(Instant.parse("2024-12-05T20:00:00Z"));
        assertThat(calendar.earliestSessionStart(latest)).as("the fallback's").isEqualTo(Instant.parse("2024-12-04T21:00:00Z"));
        calendar.put(Session.instrument("X", "UTC", LocalTime.of(20, 59, 30)));
        assertThat(calendar.earliestSessionStart(latest)).isEqualTo(Instant.parse("2024-12-04T20:59:30Z"));
    }
}
