package dev.ftgo.order.order;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface IdempotencyRecords extends Repository<IdempotencyRecord, String> {

	/** Flushes at once, so a duplicate key fails here, inside the caller's transaction. */
	IdempotencyRecord saveAndFlush(IdempotencyRecord record);

	Optional<IdempotencyRecord> findById(String key);
}
