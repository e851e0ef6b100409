package dev.ftgo.consumer.consumer;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

public interface Notifications extends Repository<Notification, UUID> {

	Notification save(Notification notification);

	boolean existsByMessageId(UUID messageId);

	/** Newest first; the id breaks ties so that pages are stable. */
	List<Notification> findByConsumerIdOrderByReceivedAtDescIdDesc(UUID consumerId, Limit limit);
}
