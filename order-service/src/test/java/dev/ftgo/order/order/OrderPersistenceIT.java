package dev.ftgo.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.order.WithStubbedServices;

class OrderPersistenceIT extends WithStubbedServices {

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate transaction;

	private Order saved() {
		var order = Order.place(new ConsumerId(UUID.randomUUID()), new RestaurantId(UUID.randomUUID()),
				List.of(new OrderLineItem(new MenuItemId("m1"), "Curry", new Quantity(2), Money.of("12.50", "USD")),
						new OrderLineItem(new MenuItemId("m2"), "Naan", new Quantity(1), Money.of("2.25", "USD"))),
				null, Instant.now().truncatedTo(ChronoUnit.MICROS));
		return transaction.execute(status -> orders.save(order));
	}

	private Order load(OrderId id) {
		return transaction.execute(status -> orders.findById(id.value()).orElseThrow());
	}

	@Test
	void storesTheWholeAggregate() {
		var order = saved();

		var loaded = load(order.id());

		assertThat(loaded.lineItems()).containsExactlyElementsOf(order.lineItems());
		assertThat(loaded.orderTotal()).isEqualTo(Money.of("27.25", "USD"));
		assertThat(loaded.createdAt()).isEqualTo(order.createdAt());
		assertThat(loaded.state()).isEqualTo(OrderState.APPROVAL_PENDING);
		assertThat(loaded.version()).isZero();
	}

	@Test
	void keepsTheStateToReturnToWhileACancellationIsPending() {
		var id = saved().id();
		transaction.executeWithoutResult(status -> {
			var order = orders.findById(id.value()).orElseThrow();
			order.approve(new TicketId(UUID.randomUUID()));
			order.noteTicketAccepted(Instant.now());
			order.requestCancellation();
		});

		transaction.executeWithoutResult(status -> orders.findById(id.value()).orElseThrow().undoCancellation());

		assertThat(load(id).state()).isEqualTo(OrderState.ACCEPTED);
	}

	@Test
	void theSecondOfTwoConflictingWritersFails() {
		var id = saved().id();
		var first = load(id);
		var second = load(id);
		first.approve(new TicketId(UUID.randomUUID()));
		second.reject("kitchen refused");

		transaction.executeWithoutResult(status -> orders.save(first));

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> transaction.executeWithoutResult(status -> orders.save(second)));
		assertThat(load(id).state()).isEqualTo(OrderState.APPROVED);
	}
}
