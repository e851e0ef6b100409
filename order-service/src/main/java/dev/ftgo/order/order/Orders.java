package dev.ftgo.order.order;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface Orders extends Repository<Order, UUID> {

	Order save(Order order);

	Optional<Order> findById(UUID id);

	Page<Order> findByConsumerId(UUID consumerId, Pageable pageable);
}
