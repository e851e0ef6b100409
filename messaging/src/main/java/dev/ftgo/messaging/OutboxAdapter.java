package dev.ftgo.messaging;

import java.util.List;
import java.util.Objects;

/**
 * The base of every adapter that sends an aggregate's messages: a feature's {@code messaging} package extends
 * it as {@code Outbox<Port>} and implements the port its domain declares ({@code <Aggregate>Messages}, whose
 * {@code send(List)} this class provides). The subclass only says how one domain message becomes a
 * {@link Message}; writing it to the outbox of the caller's transaction is done here, the same way everywhere.
 *
 * @param <T> what the aggregate records
 */
public abstract class OutboxAdapter<T> {

	private final OutboxWriter outbox;

	protected OutboxAdapter(OutboxWriter outbox) {
		this.outbox = Objects.requireNonNull(outbox, "outbox");
	}

	/**
	 * Writes the messages, in the given order, to the outbox of the current transaction: they exist if and only
	 * if the change that recorded them commits.
	 *
	 * @throws IllegalStateException outside a transaction (see {@link OutboxWriter#send})
	 */
	public void send(List<T> messages) {
		messages.stream().map(this::toMessage).forEach(outbox::send);
	}

	/** The topic, key, type, headers and payload of one domain message: its wire contract. */
	protected abstract Message toMessage(T message);
}
