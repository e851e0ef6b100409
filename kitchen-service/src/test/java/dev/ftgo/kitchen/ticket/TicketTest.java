package dev.ftgo.kitchen.ticket;

import static dev.ftgo.kitchen.ticket.TicketState.ACCEPTED;
import static dev.ftgo.kitchen.ticket.TicketState.AWAITING_ACCEPTANCE;
import static dev.ftgo.kitchen.ticket.TicketState.CANCELLED;
import static dev.ftgo.kitchen.ticket.TicketState.PICKED_UP;
import static dev.ftgo.kitchen.ticket.TicketState.PREPARING;
import static dev.ftgo.kitchen.ticket.TicketState.READY_FOR_PICKUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ftgo.kitchen.restaurant.Menu;
import dev.ftgo.kitchen.restaurant.MenuItem;
import dev.ftgo.kitchen.restaurant.Money;
import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.ticket.TicketRefusedException.Reason;

class TicketTest {

	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
	private static final Instant LATER = NOW.plus(Duration.ofMinutes(10));
	private static final Instant READY_BY = NOW.plus(Duration.ofMinutes(30));
	private static final Duration MAX_LEAD_TIME = Duration.ofHours(24);

	private static Restaurant restaurant() {
		return Restaurant.create("Ajanta", Menu.of(new MenuItem("m1", "Curry", Money.of("12.50", "USD")),
				new MenuItem("m2", "Naan", Money.of("3.00", "USD"))), NOW);
	}

	private static Ticket newTicket() {
		return Ticket.create(new OrderId(UUID.randomUUID()), new ConsumerId(UUID.randomUUID()), restaurant(),
				List.of(new OrderedItem("m1", 2), new OrderedItem("m2", 1)), NOW);
	}

	/** The transitions a ticket knows, by name, and the only states each may start from. */
	enum Transition {
		ACCEPT((ticket, now) -> ticket.accept(READY_BY, now, MAX_LEAD_TIME), TicketAccepted.class, ACCEPTED,
				AWAITING_ACCEPTANCE),
		START_PREPARING(Ticket::startPreparing, TicketPreparationStarted.class, PREPARING, ACCEPTED),
		MARK_READY(Ticket::markReady, TicketReadyForPickup.class, READY_FOR_PICKUP, PREPARING),
		PICK_UP(Ticket::pickUp, TicketPickedUp.class, PICKED_UP, READY_FOR_PICKUP),
		CANCEL(Ticket::cancel, TicketCancelled.class, CANCELLED, AWAITING_ACCEPTANCE, ACCEPTED);

		final BiConsumer<Ticket, Instant> action;
		final Class<? extends TicketEvent> event;
		final TicketState target;
		final List<TicketState> from;

		Transition(BiConsumer<Ticket, Instant> action, Class<? extends TicketEvent> event, TicketState target,
				TicketState... from) {
			this.action = action;
			this.event = event;
			this.target = target;
			this.from = List.of(from);
		}
	}

	/** The path from a new ticket to each state. */
	private static final Map<TicketState, List<Transition>> PATHS = Map.of(
			AWAITING_ACCEPTANCE, List.of(),
			ACCEPTED, List.of(Transition.ACCEPT),
			PREPARING, List.of(Transition.ACCEPT, Transition.START_PREPARING),
			READY_FOR_PICKUP, List.of(Transition.ACCEPT, Transition.START_PREPARING, Transition.MARK_READY),
			PICKED_UP, List.of(Transition.ACCEPT, Transition.START_PREPARING, Transition.MARK_READY, Transition.PICK_UP),
			CANCELLED, List.of(Transition.CANCEL));

	static Ticket ticketIn(TicketState state) {
		var ticket = newTicket();
		PATHS.get(state).forEach(step -> step.action.accept(ticket, NOW));
		assertThat(ticket.state()).isEqualTo(state);
		return ticket;
	}

	static Stream<Arguments> legalTransitions() {
		return Arrays.stream(Transition.values())
				.flatMap(transition -> transition.from.stream().map(state -> Arguments.of(state, transition)));
	}

	static Stream<Arguments> illegalTransitions() {
		return Arrays.stream(Transition.values()).flatMap(transition -> Arrays.stream(TicketState.values())
				.filter(state -> !transition.from.contains(state))
				.map(state -> Arguments.of(state, transition)));
	}

	@Test
	void coversEveryStateTransitionPair() {
		assertThat(legalTransitions().count() + illegalTransitions().count())
				.isEqualTo((long) TicketState.values().length * Transition.values().length);
		assertThat(legalTransitions().count()).isEqualTo(6);
	}

	@ParameterizedTest(name = "{1} from {0}")
	@MethodSource("legalTransitions")
	void performsLegalTransitions(TicketState from, Transition transition) {
		var ticket = ticketIn(from);
		ticket.releaseMessages();

		transition.action.accept(ticket, LATER);

		assertThat(ticket.state()).isEqualTo(transition.target);
		assertThat(ticket.releaseMessages()).singleElement().satisfies(event -> {
			assertThat(event).isInstanceOf(transition.event);
			assertThat(event.ticketId()).isEqualTo(ticket.id().value());
			assertThat(event.orderId()).isEqualTo(ticket.orderId().value());
		});
	}

	@ParameterizedTest(name = "{1} from {0}")
	@MethodSource("illegalTransitions")
	void refusesIllegalTransitionsAndStaysPut(TicketState from, Transition transition) {
		var ticket = ticketIn(from);
		var readyBy = ticket.readyBy();
		ticket.releaseMessages();

		assertThatExceptionOfType(IllegalTicketStateException.class)
				.isThrownBy(() -> transition.action.accept(ticket, LATER))
				.withMessageContaining(from.name());
		assertThat(ticket.state()).isEqualTo(from);
		assertThat(ticket.readyBy()).isEqualTo(readyBy);
		assertThat(ticket.releaseMessages()).as("a refused transition announces nothing").isEmpty();
	}

	@Test
	void releasesTheEventsOfItsTransitionsOnceInOrder() {
		var ticket = newTicket();
		assertThat(ticket.releaseMessages()).as("creation is answered by the command handler, not announced").isEmpty();

		ticket.accept(READY_BY, NOW, MAX_LEAD_TIME);
		ticket.startPreparing(LATER);

		var id = ticket.id().value();
		var orderId = ticket.orderId().value();
		assertThat(ticket.releaseMessages()).containsExactly(new TicketAccepted(id, orderId, READY_BY),
				new TicketPreparationStarted(id, orderId));
		assertThat(ticket.releaseMessages()).isEmpty();
	}

	@Test
	void startsAwaitingAcceptanceWithTheMenuNames() {
		var orderId = new OrderId(UUID.randomUUID());
		var consumerId = new ConsumerId(UUID.randomUUID());
		var restaurant = restaurant();

		var ticket = Ticket.create(orderId, consumerId, restaurant, List.of(new OrderedItem("m2", 3)), NOW);

		assertThat(ticket.state()).isEqualTo(AWAITING_ACCEPTANCE);
		assertThat(ticket.orderId()).isEqualTo(orderId);
		assertThat(ticket.consumerId()).contains(consumerId);
		assertThat(ticket.restaurantId()).isEqualTo(restaurant.id());
		assertThat(ticket.lineItems()).containsExactly(new TicketLineItem("m2", "Naan", 3));
		assertThat(ticket.readyBy()).isNull();
		assertThat(ticket.createdAt()).isEqualTo(NOW);
	}

	@Test
	void recordsWhenEachStepHappened() {
		var ticket = newTicket();
		var t1 = NOW.plusSeconds(1);
		var t2 = NOW.plusSeconds(2);
		var t3 = NOW.plusSeconds(3);
		var t4 = NOW.plusSeconds(4);

		ticket.accept(READY_BY, t1, MAX_LEAD_TIME);
		ticket.startPreparing(t2);
		ticket.markReady(t3);
		ticket.pickUp(t4);

		assertThat(ticket.readyBy()).isEqualTo(READY_BY);
		assertThat(List.of(ticket.acceptedAt(), ticket.preparingAt(), ticket.readyAt(), ticket.pickedUpAt()))
				.containsExactly(t1, t2, t3, t4);
		assertThat(ticket.cancelledAt()).isNull();
	}

	@Test
	void recordsCancellation() {
		var ticket = ticketIn(ACCEPTED);

		ticket.cancel(LATER);

		assertThat(ticket.cancelledAt()).isEqualTo(LATER);
	}

	@Test
	void refusesAReadyByThatIsNotInTheFuture() {
		var ticket = newTicket();

		assertThatExceptionOfType(TicketRuleViolationException.class)
				.isThrownBy(() -> ticket.accept(NOW, NOW, MAX_LEAD_TIME));
		assertThatExceptionOfType(TicketRuleViolationException.class)
				.isThrownBy(() -> ticket.accept(NOW.minusSeconds(1), NOW, MAX_LEAD_TIME))
				.withMessageContaining("not in the future");
		assertThat(ticket.state()).isEqualTo(AWAITING_ACCEPTANCE);
		assertThat(ticket.readyBy()).isNull();
	}

	@Test
	void refusesAReadyByBeyondTheLeadTime() {
		var ticket = newTicket();

		assertThatExceptionOfType(TicketRuleViolationException.class)
				.isThrownBy(() -> ticket.accept(NOW.plus(MAX_LEAD_TIME).plusSeconds(1), NOW, MAX_LEAD_TIME));
		ticket.accept(NOW.plus(MAX_LEAD_TIME), NOW, MAX_LEAD_TIME);
		assertThat(ticket.state()).isEqualTo(ACCEPTED);
	}

	@Test
	void keepsReadyByToTheMicrosecondLikeTheDatabase() {
		var ticket = newTicket();

		ticket.accept(READY_BY.plusNanos(123_456_789), NOW, MAX_LEAD_TIME);

		assertThat(ticket.readyBy()).isEqualTo(READY_BY.plusNanos(123_456_000));
	}

	/** An order-service older than CreateTicket 1.1 does not say who ordered. */
	@Test
	void mayNotKnowItsConsumer() {
		var ticket = Ticket.create(new OrderId(UUID.randomUUID()), null, restaurant(), List.of(new OrderedItem("m1", 1)),
				NOW);

		assertThat(ticket.consumerId()).isEmpty();
		assertThat(ticket.state()).isEqualTo(AWAITING_ACCEPTANCE);
	}

	@Test
	void refusesOrdersForAClosedRestaurant() {
		var restaurant = restaurant();
		restaurant.close();

		assertThatExceptionOfType(TicketRefusedException.class)
				.isThrownBy(() -> Ticket.create(new OrderId(UUID.randomUUID()), null, restaurant,
						List.of(new OrderedItem("m1", 1)), NOW))
				.satisfies(refusal -> assertThat(refusal.reason()).isEqualTo(Reason.RESTAURANT_CLOSED));
	}

	@Test
	void refusesItemsThatAreNotOnTheMenu() {
		assertThatExceptionOfType(TicketRefusedException.class)
				.isThrownBy(() -> Ticket.create(new OrderId(UUID.randomUUID()), null, restaurant(),
						List.of(new OrderedItem("m1", 1), new OrderedItem("m9", 1)), NOW))
				.withMessageContaining("m9")
				.satisfies(refusal -> assertThat(refusal.reason()).isEqualTo(Reason.UNKNOWN_MENU_ITEM));
	}

	@Test
	void refusesMalformedOrders() {
		var orderId = new OrderId(UUID.randomUUID());
		assertThatIllegalArgumentException().isThrownBy(() -> Ticket.create(orderId, null, restaurant(), List.of(), NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderedItem("m1", 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderedItem(" ", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new TicketLineItem("m1", "Curry", -1));
	}

	@Test
	void lineItemsCannotBeChangedFromOutside() {
		var ticket = newTicket();

		assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> ticket.lineItems().clear());
	}
}
