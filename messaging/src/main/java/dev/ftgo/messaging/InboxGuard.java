package dev.ftgo.messaging;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Makes a message handler idempotent: the handler runs in one transaction with the insert of
 * {@code processed_message(subscriber, message_id)}, so the business change and the record of having made
 * it commit together or not at all. A redelivered message finds its row and changes nothing.
 *
 * <p>Two concurrent deliveries of one message serialize on the primary key: the second insert waits for
 * the first transaction and then reports the duplicate.
 */
public class InboxGuard {

	private static final Logger log = LoggerFactory.getLogger(InboxGuard.class);

	private static final String RECORD = """
			INSERT INTO processed_message (subscriber, message_id, processed_at)
			VALUES (?, ?, now())
			ON CONFLICT DO NOTHING""";

	private final JdbcOperations jdbc;
	private final TransactionOperations transactions;

	/**
	 * @param jdbc on the service's DataSource
	 * @param transactions on the transaction manager of that DataSource (JPA or JDBC), propagation REQUIRED
	 */
	public InboxGuard(JdbcOperations jdbc, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Runs {@code work} unless {@code subscriber} already processed {@code messageId}.
	 *
	 * @return whether {@code work} ran (and committed); {@code false} for a duplicate
	 * @throws RuntimeException whatever {@code work} threw; nothing was recorded then
	 */
	public boolean runOnce(String subscriber, UUID messageId, Runnable work) {
		Boolean ran = transactions.execute(status -> {
			if (jdbc.update(RECORD, subscriber, messageId) == 0) {
				log.debug("{} already processed message {}; skipped", subscriber, messageId);
				return false;
			}
			work.run();
			return true;
		});
		return Boolean.TRUE.equals(ran);
	}
}
