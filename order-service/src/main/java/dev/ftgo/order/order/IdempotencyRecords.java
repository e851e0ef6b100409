package dev.ftgo.order.order;

import java.util.Optional;

import org.springframework.data.repository.Repository;

import dev.ftgo.order.order.IdempotencyRecord.ConsumersKey;

interface IdempotencyRecords extends Repository<IdempotencyRecord, ConsumersKey> {

	/** Flushes at once, so a duplicate key fails here, inside the caller's transaction. */
	IdempotencyRecord saveAndFlush(IdempotencyRecord record);

	/** Only the consumer's own use of the key: another consumer's is no answer, not even a refusal. */
	Optional<IdempotencyRecord> findById(ConsumersKey id);
}
