package dev.ftgo.order.order;

import static dev.ftgo.order.order.OrderTest.NOW;
import static dev.ftgo.order.order.OrderTest.newOrder;
import static dev.ftgo.order.order.OrderTest.orderIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.order.order.OrderMessage.CreateTicket;
import dev.ftgo.order.order.OrderMessage.NotifyConsumer;
import dev.ftgo.order.order.OrderMessage.OrderApproved;
import dev.ftgo.order.order.OrderMessage.OrderCancellationRejected;
import dev.ftgo.order.order.OrderMessage.OrderCancellationRequested;
import dev.ftgo.order.order.OrderMessage.OrderCancelled;
import dev.ftgo.order.order.OrderMessage.OrderCreated;
import dev.ftgo.order.order.OrderMessage.OrderRejected;

/** Each transition records the messages it causes, and releasing them hands each over once. */
class OrderMessagesTest {

	private static final TicketId TICKET = new TicketId(UUID.randomUUID());

	@Test
	void placingRecordsOrderCreatedAndTheCommandToCreateTheTicket() {
		var order = newOrder();

		var messages = order.releaseMessages();

		assertThat(messages).hasSize(2);
		assertThat(messages.get(0)).isEqualTo(new OrderCreated(order.id(), order.consumerId(), order.restaurantId(),
				order.lineItems(), Money.of("31.75", "USD")));
		assertThat(messages.get(1)).isEqualTo(new CreateTicket(order.id(), order.restaurantId(), order.consumerId(), order.lineItems()));
	}

	@Test
	void releasedMessagesAreForgotten() {
		var order = newOrder();
		order.releaseMessages();

		assertThat(order.releaseMessages()).isEmpty();
	}

	@Test
	void approvalIsPublishedAndTheConsumerNotified() {
		var order = newOrder();
		order.releaseMessages();

		order.approve(TICKET);

		assertThat(order.releaseMessages()).satisfiesExactly(
				approved -> assertThat(approved).isEqualTo(new OrderApproved(order.id(), TICKET)),
				notify -> assertThat(notify).isInstanceOfSatisfying(NotifyConsumer.class, notification -> {
					assertThat(notification.consumerId()).isEqualTo(order.consumerId());
					assertThat(notification.orderId()).isEqualTo(order.id());
					assertThat(notification.subject()).isEqualTo("Order approved");
				}));
	}

	@Test
	void rejectionIsPublishedAndTheConsumerToldWhy() {
		var order = newOrder();
		order.releaseMessages();

		order.reject("Restaurant is closed");

		assertThat(order.releaseMessages()).satisfiesExactly(
				rejected -> assertThat(rejected).isEqualTo(new OrderRejected(order.id(), "Restaurant is closed")),
				notify -> assertThat(((NotifyConsumer) notify).message()).contains("Restaurant is closed"));
	}

	@Test
	void aCancellationRequestAsksTheKitchenAboutTheTicket() {
		var order = orderIn(OrderState.APPROVED);
		order.releaseMessages();

		order.requestCancellation();

		assertThat(order.releaseMessages()).containsExactly(new OrderCancellationRequested(order.id(), order.ticketId()));
	}

	@Test
	void theKitchensAnswerToACancellationIsPublishedWithTheResultingState() {
		var cancelled = orderIn(OrderState.CANCEL_PENDING);
		var refused = orderIn(OrderState.CANCEL_PENDING);
		cancelled.releaseMessages();
		refused.releaseMessages();

		cancelled.confirmCancellation();
		refused.undoCancellation();

		assertThat(cancelled.releaseMessages()).containsExactly(new OrderCancelled(cancelled.id(), OrderState.CANCELLED));
		assertThat(refused.releaseMessages())
			.containsExactly(new OrderCancellationRejected(refused.id(), OrderState.APPROVED));
	}

	@Test
	void onlyReadyForPickupOfTheTicketStepsTellsTheConsumer() {
		var order = orderIn(OrderState.APPROVED);
		order.releaseMessages();

		order.noteTicketAccepted(NOW);
		order.noteTicketPreparing();
		assertThat(order.releaseMessages()).isEmpty();
		order.noteTicketReadyForPickup();
		assertThat(order.releaseMessages()).singleElement()
			.isInstanceOfSatisfying(NotifyConsumer.class, notify -> assertThat(notify.subject()).isEqualTo("Order ready for pickup"));
		order.noteTicketPickedUp();
		assertThat(order.releaseMessages()).isEmpty();
	}
}
