package io.liquidityengine.notifier.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.notifier.message.Embed;
import io.liquidityengine.notifier.message.Embed.Field;
import io.liquidityengine.notifier.message.Messages;
import io.liquidityengine.notifier.message.Notification;
import io.liquidityengine.notifier.message.Notification.Kind;
import io.liquidityengine.notifier.message.Records;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void shortMessagesPassUnchanged() {
        Notification plan = Messages.plan(Records.plan().build());
        assertThat(Limits.fit(plan)).containsExactly(plan);
        assertThat(Limits.fit(Notification.text(Kind.FILL, "x".repeat(2000)))).containsExactly(Notification.text(Kind.FILL, "x".repeat(2000)));
    }

    @Test
    void longContentIsSplitAtTheLastLineBreakAndEmbedsGoWithTheLastPart() {
        String first = "a".repeat(1500);
        String second = "b".repeat(1200);
        Embed embed = new Embed("t", null, null, List.of(), null, null);

        List<Notification> parts = Limits.fit(new Notification(Kind.DEAD_LETTER, first + "\n" + second, List.of(embed)));

        assertThat(parts).containsExactly(new Notification(Kind.DEAD_LETTER, first, List.of()),
                new Notification(Kind.DEAD_LETTER, second, List.of(embed)));
    }

    @Test
    void aThreeThousandCharacterPlanNoteIsTruncatedTo1024WithAnEllipsis() {
        Notification plan = Messages.plan(Records.plan().setReason("r".repeat(3000)).build());

        List<Notification> parts = Limits.fit(plan);

        assertThat(parts).hasSize(1);
        Field reason = parts.get(0).embeds().get(0).fields().get(6);
        assertThat(reason.value()).hasSize(1024).isEqualTo("r".repeat(1023) + "…");
        assertThat(parts.get(0).embeds().get(0).fields().subList(0, 6)).isEqualTo(plan.embeds().get(0).fields().subList(0, 6));
    }

    @Test
    void embedTextsAreTruncatedToTheirLimits() {
        Embed e = new Embed("T".repeat(300), "D".repeat(5000), 1, List.of(new Field("N".repeat(300), "", false)), "foot", null);

        List<Notification> parts = Limits.fit(Notification.embed(Kind.STATUS, e));

        assertThat(parts).hasSize(1);
        Embed fitted = parts.get(0).embeds().get(0);
        assertThat(fitted.title()).isEqualTo("T".repeat(255) + "…");
        assertThat(fitted.description()).isEqualTo("D".repeat(4095) + "…");
        assertThat(fitted.footer()).isEqualTo("foot");
        assertThat(fitted.fields()).containsExactly(new Field("N".repeat(255) + "…", "–", false));
    }

    @Test
    void descriptionIsCutFurtherWhenTitleDescriptionAndFooterExceedSixThousand() {
        Embed e = new Embed("T".repeat(256), "D".repeat(4096), 1, List.of(new Field("n", "v", false)), "F".repeat(3000), null);

        List<Notification> parts = Limits.fit(Notification.embed(Kind.STATUS, e));

        // 256 + 2,048 leave 3,696 for the description; the field no longer fits: a continuation embed in a second message
        assertThat(parts).hasSize(2);
        Embed head = parts.get(0).embeds().get(0);
        assertThat(head.footer()).isEqualTo("F".repeat(2047) + "…");
        assertThat(head.description()).isEqualTo("D".repeat(3695) + "…");
        assertThat(head.characters()).isEqualTo(6000);
        assertThat(head.fields()).isEmpty();
        assertThat(parts.get(1).embeds()).containsExactly(new Embed("T".repeat(255) + "…", null, 1, List.of(new Field("n", "v", false)), null, null));
    }

    @Test
    void moreThan25FieldsOrSixThousandCharactersSplitIntoContinuationEmbeds() {
        List<Field> fields = IntStream.range(0, 8).mapToObj(i -> new Field("f" + i, String.valueOf(i).repeat(1000), false)).toList();
        Embed big = new Embed("big", null, 7, fields, "foot", "2024-12-05T14:31:05Z");

        List<Notification> parts = Limits.fit(Notification.embed(Kind.STATUS, big));

        // 5 fields of 1,002 + "big" + "foot" fit in 6,000; the 6th would not: 2 embeds, 2 messages (6,000 per message)
        assertThat(parts).hasSize(2);
        Embed head = parts.get(0).embeds().get(0);
        Embed cont = parts.get(1).embeds().get(0);
        assertThat(head.fields()).extracting(Field::name).containsExactly("f0", "f1", "f2", "f3", "f4");
        assertThat(head.footer()).isEqualTo("foot");
        assertThat(cont.title()).isEqualTo("big (cont.)");
        assertThat(cont.color()).isEqualTo(7);
        assertThat(cont.fields()).extracting(Field::name).containsExactly("f5", "f6", "f7");
        assertThat(parts).allMatch(p -> p.embeds().stream().mapToInt(Embed::characters).sum() <= 6000);
    }

    @Test
    void elevenEmbedsArePackedIntoMessagesOfTen() {
        Embed e = new Embed("e", null, null, List.of(), null, null);
        List<Notification> parts = Limits.fit(new Notification(Kind.STATUS, "hello", Collections.nCopies(11, e)));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).content()).isEqualTo("hello");
        assertThat(parts.get(0).embeds()).hasSize(10);
        assertThat(parts.get(1).content()).isNull();
        assertThat(parts.get(1).embeds()).hasSize(1);
    }

    @Test
    void everyFittedPartIsAcceptedByTheFakeDiscordValidator() {
        List<Field> fields = IntStream.range(0, 60).mapToObj(i -> new Field("field " + i, "v".repeat(400), true)).toList();
        Notification huge = new Notification(Kind.STATUS, "c".repeat(4500), List.of(
                new Embed("x".repeat(400), "d".repeat(4096), 0xFFFFFF, fields, "f".repeat(2100), null),
                new Embed("small", null, null, List.of(), null, null)));

        for (Notification part : Limits.fit(huge)) {
            assertThat(FakeDiscord.invalid(jsonOf(part))).isNull();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode jsonOf(Notification n) {
        try {
            return DiscordJson.MAPPER.readTree(DiscordJson.body(n, null));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
