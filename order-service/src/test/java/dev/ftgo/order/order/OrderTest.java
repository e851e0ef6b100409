package dev.ftgo.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTest {

	static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
	private static final TicketId TICKET = new TicketId(UUID.randomUUID());

	/** Every transition, by name, for the exhaustive legal/illegal matrix below. */
	private static final Map<String, Consumer<Order>> TRANSITIONS = Map.of(
			"approve", order -> order.approve(TICKET),
			"reject", order -> order.reject("restaurant closed"),
			"requestCancellation", Order::requestCancellation,
			"confirmCancellation", Order::confirmCancellation,
			"undoCancellation", Order::undoCancellation,
			"noteTicketAccepted", order -> order.noteTicketAccepted(NOW.plusSeconds(1800)),
			"noteTicketPreparing", Order::noteTicketPreparing,
			"noteTicketReadyForPickup", Order::noteTicketReadyForPickup,
			"noteTicketPickedUp", Order::noteTicketPickedUp);

	/** Which transitions each state allows, and where they lead; everything else must be refused. */
	private static final Map<OrderState, Map<String, OrderState>> LEGAL = Map.of(
			OrderState.APPROVAL_PENDING, Map.of("approve", OrderState.APPROVED, "reject", OrderState.REJECTED),
			OrderState.APPROVED, Map.of("noteTicketAccepted", OrderState.ACCEPTED,
					"requestCancellation", OrderState.CANCEL_PENDING),
			OrderState.ACCEPTED, Map.of("noteTicketPreparing", OrderState.PREPARING,
					"requestCancellation", OrderState.CANCEL_PENDING),
			OrderState.PREPARING, Map.of("noteTicketReadyForPickup", OrderState.READY_FOR_PICKUP),
			OrderState.READY_FOR_PICKUP, Map.of("noteTicketPickedUp", OrderState.PICKED_UP),
			OrderState.PICKED_UP, Map.of(),
			OrderState.REJECTED, Map.of(),
			// where undo leads depends on the path taken, and the ticket may move on meanwhile (here it was
			// APPROVED, so the kitchen may accept it); the dedicated tests below cover both
			OrderState.CANCEL_PENDING, Map.of("confirmCancellation", OrderState.CANCELLED,
					"undoCancellation", OrderState.APPROVED, "noteTicketAccepted", OrderState.CANCEL_PENDING),
			OrderState.CANCELLED, Map.of());

	static Order newOrder() {
		return Order.place(new ConsumerId(UUID.randomUUID()), new RestaurantId(UUID.randomUUID()),
				List.of(line("m1", "Curry", 2, "12.50"), line("m2", "Naan", 3, "2.25")), "1 Main St", NOW);
	}

	static OrderLineItem line(String id, String name, int quantity, String price) {
		return new OrderLineItem(new MenuItemId(id), name, new Quantity(quantity), Money.of(price, "USD"));
	}

	/** An order driven to {@code state} along the shortest legal path. */
	static Order orderIn(OrderState state) {
		var order = newOrder();
		switch (state) {
			case APPROVAL_PENDING -> {
			}
			case REJECTED -> order.reject("no");
			case APPROVED -> order.approve(TICKET);
			case ACCEPTED -> {
				order.approve(TICKET);
				order.noteTicketAccepted(NOW);
			}
			case PREPARING -> {
				order.approve(TICKET);
				order.noteTicketAccepted(NOW);
				order.noteTicketPreparing();
			}
			case READY_FOR_PICKUP -> {
				order.approve(TICKET);
				order.noteTicketAccepted(NOW);
				order.noteTicketPreparing();
				order.noteTicketReadyForPickup();
			}
			case PICKED_UP -> {
				order.approve(TICKET);
				order.noteTicketAccepted(NOW);
				order.noteTicketPreparing();
				order.noteTicketReadyForPickup();
				order.noteTicketPickedUp();
			}
			case CANCEL_PENDING -> {
				order.approve(TICKET);
				order.requestCancellation();
			}
			case CANCELLED -> {
				order.approve(TICKET);
				order.requestCancellation();
				order.confirmCancellation();
			}
		}
		assertThat(order.state()).isEqualTo(state);
		return order;
	}

	@Test
	void startsAwaitingApprovalWithTheTotalOfItsLines() {
		var order = newOrder();

		assertThat(order.state()).isEqualTo(OrderState.APPROVAL_PENDING).isEqualTo(Order.INITIAL_STATE);
		assertThat(order.orderTotal()).isEqualTo(Money.of("31.75", "USD"));
		assertThat(order.lineItems()).extracting(OrderLineItem::name).containsExactly("Curry", "Naan");
		assertThat(order.ticketId()).isNull();
		assertThat(order.rejectionReason()).isNull();
		assertThat(order.createdAt()).isEqualTo(NOW);
		assertThat(order.version()).isNull();
	}

	@Test
	void needsAtLeastOneLineInOneCurrency() {
		var consumer = new ConsumerId(UUID.randomUUID());
		var restaurant = new RestaurantId(UUID.randomUUID());

		assertThatIllegalArgumentException().isThrownBy(() -> Order.place(consumer, restaurant, List.of(), null, NOW));
		var euro = new OrderLineItem(new MenuItemId("m3"), "Pho", new Quantity(1), Money.of("9.00", "EUR"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Order.place(consumer, restaurant, List.of(line("m1", "Curry", 1, "1.00"), euro), null, NOW));
	}

	@ParameterizedTest
	@EnumSource(OrderState.class)
	void allowsExactlyTheTransitionsOfTheStateMachine(OrderState from) {
		var legal = LEGAL.get(from);
		TRANSITIONS.forEach((name, transition) -> {
			var order = orderIn(from);
			order.releaseMessages();
			if (legal.containsKey(name)) {
				transition.accept(order);
				assertThat(order.state()).as("%s from %s", name, from).isEqualTo(legal.get(name));
			}
			else {
				assertThatExceptionOfType(IllegalOrderStateException.class).as("%s from %s", name, from)
					.isThrownBy(() -> transition.accept(order));
				assertThat(order.state()).as("state after refused %s", name).isEqualTo(from);
				assertThat(order.releaseMessages()).as("messages of refused %s", name).isEmpty();
			}
		});
	}

	@Test
	void coversEveryState() {
		assertThat(LEGAL.keySet()).isEqualTo(EnumSet.allOf(OrderState.class));
	}

	@Test
	void approvalRecordsTheTicket() {
		var order = newOrder();

		order.approve(TICKET);

		assertThat(order.ticketId()).isEqualTo(TICKET);
	}

	@Test
	void rejectionRecordsTheReason() {
		var order = newOrder();

		order.reject("Restaurant is closed");

		assertThat(order.rejectionReason()).isEqualTo("Restaurant is closed");
		assertThat(order.ticketId()).isNull();
	}

	@Test
	void rejectionNeedsAReason() {
		var order = newOrder();

		assertThatIllegalArgumentException().isThrownBy(() -> order.reject(" "));
		assertThat(order.state()).isEqualTo(OrderState.APPROVAL_PENDING);
	}

	@Test
	void acceptanceRecordsWhenTheFoodWillBeReady() {
		var order = orderIn(OrderState.APPROVED);

		order.noteTicketAccepted(NOW.plusSeconds(1800));

		assertThat(order.readyBy()).isEqualTo(NOW.plusSeconds(1800));
	}

	@Test
	void undoingACancellationOfAnApprovedOrderReturnsToApproved() {
		var order = orderIn(OrderState.APPROVED);
		order.requestCancellation();

		order.undoCancellation();

		assertThat(order.state()).isEqualTo(OrderState.APPROVED);
	}

	@Test
	void undoingACancellationOfAnAcceptedOrderReturnsToAccepted() {
		var order = orderIn(OrderState.ACCEPTED);
		order.requestCancellation();

		order.undoCancellation();

		assertThat(order.state()).isEqualTo(OrderState.ACCEPTED);
		// and it carries on from there
		order.noteTicketPreparing();
		assertThat(order.state()).isEqualTo(OrderState.PREPARING);
	}

	@Test
	void anUndoneCancellationCanBeRequestedAgainAndThenConfirmed() {
		var order = orderIn(OrderState.ACCEPTED);
		order.requestCancellation();
		order.undoCancellation();

		order.requestCancellation();
		order.confirmCancellation();

		assertThat(order.state()).isEqualTo(OrderState.CANCELLED);
		assertThatExceptionOfType(IllegalOrderStateException.class).isThrownBy(order::undoCancellation);
	}

	@Test
	void cancellingAnOrderAwaitingApprovalIsRefusedWithAClearMessage() {
		var order = newOrder();

		assertThatExceptionOfType(IllegalOrderStateException.class).isThrownBy(order::requestCancellation)
			.withMessageContaining("APPROVAL_PENDING");
	}

	@Test
	void aTicketAcceptedWhileACancellationIsPendingIsWhereARefusalReturnsTo() {
		var order = orderIn(OrderState.APPROVED);
		order.requestCancellation();

		order.noteTicketAccepted(NOW.plusSeconds(600));

		assertThat(order.state()).isEqualTo(OrderState.CANCEL_PENDING);
		assertThat(order.readyBy()).isEqualTo(NOW.plusSeconds(600));
		order.undoCancellation();
		assertThat(order.state()).isEqualTo(OrderState.ACCEPTED);
	}

	@Test
	void aPreparationStartedWhileACancellationIsPendingEndsInPreparingWhenTheKitchenRefuses() {
		var order = orderIn(OrderState.ACCEPTED);
		order.requestCancellation();

		order.noteTicketPreparing();
		order.undoCancellation();

		assertThat(order.state()).isEqualTo(OrderState.PREPARING);
		// from where the ticket really is, its next steps are legal
		order.noteTicketReadyForPickup();
		order.noteTicketPickedUp();
		assertThat(order.state()).isEqualTo(OrderState.PICKED_UP);
	}

	@Test
	void aTicketStepThatDoesNotFollowTheStateToReturnToIsRefusedWhileCancelPending() {
		var order = orderIn(OrderState.ACCEPTED);
		order.requestCancellation();

		assertThatExceptionOfType(IllegalOrderStateException.class).isThrownBy(order::noteTicketReadyForPickup);
		assertThatExceptionOfType(IllegalOrderStateException.class)
			.isThrownBy(() -> order.noteTicketAccepted(NOW));
		order.undoCancellation();
		assertThat(order.state()).isEqualTo(OrderState.ACCEPTED);
	}

	@Test
	void doesNotLetItsLinesBeChangedFromOutside() {
		var order = newOrder();

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> order.lineItems().clear());
		assertThat(order.lineItems()).hasSize(2);
	}
}
