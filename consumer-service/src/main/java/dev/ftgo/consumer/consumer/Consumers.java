package dev.ftgo.consumer.consumer;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

public interface Consumers extends Repository<Consumer, UUID> {

	Consumer save(Consumer consumer);

	Optional<Consumer> findById(UUID id);

	boolean existsById(UUID id);

	/** Writes pending changes now, so that the version of a changed consumer is the one the row has. */
	void flush();
}
