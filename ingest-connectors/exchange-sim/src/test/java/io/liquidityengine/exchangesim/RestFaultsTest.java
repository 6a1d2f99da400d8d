package io.liquidityengine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.exchangesim.RestFaults.Answer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestFaultsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAnswerTheCommandedNumberOf429sThenServe() {
        RestFaults faults = new RestFaults(Duration.ofSeconds(1));
        faults.rateLimit(2);

        assertThat(faults.next(0)).isEqualTo(Answer.TOO_MANY_REQUESTS);
        assertThat(faults.next(0)).isEqualTo(Answer.TOO_MANY_REQUESTS);
        assertThat(faults.next(0)).isEqualTo(Answer.SERVE);
        assertThat(faults.rateLimitedAnswers()).isEqualTo(2);
        assertThat(faults.bannedAnswers()).isZero();
    }

    @Test
    void shouldBanAClientThatComesBackBeforeRetryAfterAndStartTheWaitAgain() {
        RestFaults faults = new RestFaults(Duration.ofSeconds(1));
        faults.banIfRetryAfterIgnored();
        faults.rateLimit(1);

        assertThat(faults.next(0)).isEqualTo(Answer.TOO_MANY_REQUESTS);
        assertThat(faults.next(SECOND / 2)).isEqualTo(Answer.BANNED);          // too early
        assertThat(faults.next(SECOND + SECOND / 4)).isEqualTo(Answer.BANNED); // the ban restarted the wait at 0.5 s
        assertThat(faults.next(3 * SECOND)).isEqualTo(Answer.SERVE);
        assertThat(faults.bannedAnswers()).isEqualTo(2);
        assertThat(faults.rateLimitedAnswers()).isEqualTo(1);
    }
}
