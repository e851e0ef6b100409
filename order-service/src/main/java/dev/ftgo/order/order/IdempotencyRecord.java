package dev.ftgo.order.order;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * Remembers which order an idempotency key placed, and a fingerprint of the request it came with.
 * Written in the same transaction as the order; the primary key on {@code key} decides races.
 */
@Entity
@Table(name = "idempotency_key")
class IdempotencyRecord implements Persistable<String> {

	@Id
	private String key;

	private String requestHash;

	private UUID orderId;

	private Instant createdAt;

	// always INSERT a new record: a merge would overwrite the row a concurrent request just committed
	@Transient
	private boolean isNew = true;

	protected IdempotencyRecord() {
		// for JPA
	}

	IdempotencyRecord(IdempotencyKey key, String requestHash, OrderId orderId, Instant createdAt) {
		this.key = key.value();
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
	public String getId() {
		return key;
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
