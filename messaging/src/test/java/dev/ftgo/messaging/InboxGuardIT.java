package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.TestDatabase;

@SpringBootTest
class InboxGuardIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "messaging");
	}

	@Autowired
	InboxGuard inbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void schema() {
		MessagingSchema.apply(dataSource);
		jdbc.execute("CREATE TABLE IF NOT EXISTS inbox_ledger (message_id UUID NOT NULL, note TEXT)");
	}

	@Test
	void changesStateOnceForAMessageHandledTwice() {
		UUID messageId = UUID.randomUUID();

		boolean first = inbox.runOnce("inbox-it", messageId, () -> record(messageId));
		boolean second = inbox.runOnce("inbox-it", messageId, () -> record(messageId));

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(ledgerRows(messageId)).isEqualTo(1);
	}

	@Test
	void aFailingHandlerRecordsNothingSoTheRetryRuns() {
		UUID messageId = UUID.randomUUID();

		assertThatThrownBy(() -> inbox.runOnce("inbox-it", messageId, () -> {
			record(messageId);
			throw new IllegalStateException("handler failed");
		})).hasMessage("handler failed");

		assertThat(ledgerRows(messageId)).isZero();
		assertThat(processed("inbox-it", messageId)).isZero();
		assertThat(inbox.runOnce("inbox-it", messageId, () -> record(messageId))).isTrue();
		assertThat(ledgerRows(messageId)).isEqualTo(1);
	}

	@Test
	void eachSubscriberProcessesAMessageOnce() {
		UUID messageId = UUID.randomUUID();

		inbox.runOnce("inbox-it-a", messageId, () -> record(messageId));
		inbox.runOnce("inbox-it-b", messageId, () -> record(messageId));

		assertThat(ledgerRows(messageId)).isEqualTo(2);
	}

	@Test
	void purgesOnlyRowsOlderThanTheRetention() {
		UUID old = UUID.randomUUID();
		UUID recent = UUID.randomUUID();
		jdbc.update("INSERT INTO processed_message VALUES ('purge-it', ?, now() - interval '8 days')", old);
		jdbc.update("INSERT INTO processed_message VALUES ('purge-it', ?, now() - interval '6 days')", recent);

		var purge = RetentionPurge.processedMessages(jdbc, new MessagingSettings.Inbox(Duration.ofDays(7), Duration.ofHours(1)));
		int deleted = purge.purge();

		assertThat(deleted).isPositive();
		assertThat(processed("purge-it", old)).isZero();
		assertThat(processed("purge-it", recent)).isEqualTo(1);
	}

	private void record(UUID messageId) {
		jdbc.update("INSERT INTO inbox_ledger (message_id, note) VALUES (?, 'handled')", messageId);
	}

	private int ledgerRows(UUID messageId) {
		return jdbc.queryForObject("SELECT count(*) FROM inbox_ledger WHERE message_id = ?", Integer.class, messageId);
	}

	private int processed(String subscriber, UUID messageId) {
		return jdbc.queryForObject("SELECT count(*) FROM processed_message WHERE subscriber = ? AND message_id = ?",
				Integer.class, subscriber, messageId);
	}
}
