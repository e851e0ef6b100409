package dev.ftgo.kitchen.ticket;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

public interface Tickets extends Repository<Ticket, UUID> {

	Ticket save(Ticket ticket);

	Optional<Ticket> findById(UUID id);

	Optional<Ticket> findByOrderId(UUID orderId);
}
