package dev.ftgo.order.order;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * Remembers which order an idempotency key placed, and a fingerprint of the request it came with.
 * Written in the same transaction as the order; the primary key on (consumer, key) decides races.
 */
@Entity
@Table(name = "idempotency_key")
class IdempotencyRecord implements Persistable<IdempotencyRecord.ConsumersKey> {

	/**
	 * A key as one consumer used it. Clients choose keys without knowing of each other, so the same key from two
	 * consumers names two orders, and looking one up never touches another consumer's.
	 */
	@Embeddable
	record ConsumersKey(UUID consumerId, String key) implements Serializable {

		static ConsumersKey of(ConsumerId consumerId, IdempotencyKey key) {
			return new ConsumersKey(consumerId.value(), key.value());
		}
	}

	@EmbeddedId
	private ConsumersKey id;

	private String requestHash;

	private UUID orderId;

	private Instant createdAt;

	// always INSERT a new record: a merge would overwrite the row a concurrent request just committed
	@Transient
	private boolean isNew = true;

	protected IdempotencyRecord() {
		// for JPA
	}

	IdempotencyRecord(ConsumerId consumerId, IdempotencyKey key, String requestHash, OrderId orderId,
			Instant createdAt) {
		this.id = ConsumersKey.of(consumerId, key);
		this.requestHash = requestHash;
		this.orderId = orderId.value();
		this.createdAt = createdAt;
	}

	boolean matches(String requestHash) {
		return this.requestHash.equals(requestHash);
	}

	OrderId orderId() {
		return new OrderId(orderId);
	}

	@Override
	public ConsumersKey getId() {
		return id;
	}

	@Override
	public boolean isNew() {
		return isNew;
	}

	@PostLoad
	@PostPersist
	void markNotNew() {
		isNew = false;
	}
}
