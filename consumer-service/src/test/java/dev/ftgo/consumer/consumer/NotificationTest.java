package dev.ftgo.consumer.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NotificationTest {

	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private static Notification received(String subject, String message) {
		return Notification.received(new NotifyConsumer(UUID.randomUUID(), UUID.randomUUID(), subject, message),
				UUID.randomUUID(), NOW);
	}

	@Test
	void keepsTextsThatFit() {
		var notification = received("S".repeat(Notification.MAX_SUBJECT_LENGTH), "M".repeat(Notification.MAX_MESSAGE_LENGTH));

		assertThat(notification.subject()).hasSize(200).doesNotContain("…");
		assertThat(notification.message()).hasSize(2000).doesNotContain("…");
		assertThat(notification.receivedAt()).isEqualTo(NOW);
	}

	@Test
	void shortensLongerTextsAndSaysSo() {
		var notification = received("S".repeat(201), "M".repeat(5000));

		assertThat(notification.subject()).hasSize(200).startsWith("SSS").endsWith("S…");
		assertThat(notification.message()).hasSize(2000).endsWith("M…");
	}

	@Test
	void countsCharactersNotUtf16UnitsAndNeverSplitsAPair() {
		var emoji = "\uD83D\uDE00"; // one character, two UTF-16 units

		var fitting = received(emoji.repeat(200), "m");
		var shortened = received(emoji.repeat(201), "m");

		assertThat(fitting.subject().codePointCount(0, fitting.subject().length())).isEqualTo(200);
		assertThat(shortened.subject()).isEqualTo(emoji.repeat(199) + "…");
	}

	@Test
	void dropsNulWhichPostgresCannotStore() {
		assertThat(received("a\u0000b", "c\u0000").subject()).isEqualTo("ab");
	}

	@Test
	void aCommandNeedsAConsumerASubjectAndAMessage() {
		assertThatNullPointerException().isThrownBy(() -> new NotifyConsumer(null, UUID.randomUUID(), "s", "m"));
		assertThatIllegalArgumentException().isThrownBy(() -> new NotifyConsumer(UUID.randomUUID(), null, " ", "m"));
		assertThatIllegalArgumentException().isThrownBy(() -> new NotifyConsumer(UUID.randomUUID(), null, "s", null));
		assertThat(new NotifyConsumer(UUID.randomUUID(), null, "s", "m").orderId()).isNull();
	}
}
