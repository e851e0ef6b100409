package dev.ftgo.kitchen;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageContracts;
import dev.ftgo.messaging.OutboxWriter;
import dev.ftgo.messaging.TraceparentSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests' OutboxWriter: writes every message as the real one does (which fails outside a transaction)
 * and remembers it, and separately the messages whose transaction committed: those are what cdc-relay
 * would publish. A test can make the writer fail, to see the business change roll back with it. A message
 * is remembered with the trace context the outbox row gets (the current span's, unless it carries one).
 */
public class RecordingOutboxWriter extends OutboxWriter {

	private final JsonMapper json;
	private final TraceparentSource traceparents;
	private final List<Message> written = new CopyOnWriteArrayList<>();
	private final List<Message> committed = new CopyOnWriteArrayList<>();
	private volatile Predicate<Message> failing = message -> false;

	RecordingOutboxWriter(DataSource dataSource, JsonMapper json, TraceparentSource traceparents,
			MessageContracts contracts) {
		super(dataSource, json, traceparents, contracts);
		this.json = json;
		this.traceparents = traceparents;
	}

	@Override
	public void send(Message sent) {
		if (failing.test(sent)) {
			throw new IllegalStateException("The test made the outbox fail for " + sent.type());
		}
		var message = sent.headers().traceparent() != null ? sent
				: sent.withHeaders(sent.headers().withTraceparent(traceparents.current()));
		super.send(message);
		written.add(message);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				committed.add(message);
			}
		});
	}

	/** Makes every later send of a message matching {@code condition} fail; {@link #reset()} ends it. */
	public void failFor(Predicate<Message> condition) {
		failing = condition;
	}

	public void reset() {
		failing = message -> false;
	}

	/** Every message written with this key, committed or not. */
	public List<Message> written(Object key) {
		return written.stream().filter(message -> message.key().equals(key.toString())).toList();
	}

	/** The committed messages to {@code destination} with this key, in commit order. */
	public List<Message> committed(String destination, Object key) {
		return committed.stream()
				.filter(message -> message.destination().equals(destination) && message.key().equals(key.toString()))
				.toList();
	}

	/** The committed answers to the message with this id. */
	public List<Message> committedReplies(Object requestId) {
		return committed.stream()
				.filter(message -> Objects.equals(message.headers().correlationId(), requestId.toString()))
				.toList();
	}

	/** The payload as the outbox stores it, and the relay publishes it. */
	public JsonNode payload(Message message) {
		return json.valueToTree(message.payload());
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		RecordingOutboxWriter outboxWriter(DataSource dataSource, JsonMapper json, ObjectProvider<TraceparentSource> traceparents,
				ObjectProvider<MessageContracts> contracts) {
			// validates like the real one when the tests switch it on (src/test/resources/application.properties)
			return new RecordingOutboxWriter(dataSource, json, traceparents.getIfUnique(() -> TraceparentSource.NONE),
					contracts.getIfAvailable());
		}
	}
}
