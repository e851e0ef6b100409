package dev.ftgo.kitchen.ticket.web;

import static dev.ftgo.kitchen.ticket.TicketAccess.ANYONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.kitchen.RunningKitchenService;
import dev.ftgo.kitchen.restaurant.Menu;
import dev.ftgo.kitchen.restaurant.MenuItem;
import dev.ftgo.kitchen.restaurant.Money;
import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantId;
import dev.ftgo.kitchen.restaurant.RestaurantService;
import dev.ftgo.kitchen.ticket.ConsumerId;
import dev.ftgo.kitchen.ticket.IllegalTicketStateException;
import dev.ftgo.kitchen.ticket.OrderId;
import dev.ftgo.kitchen.ticket.OrderedItem;
import dev.ftgo.kitchen.ticket.Ticket;
import dev.ftgo.kitchen.ticket.TicketRefusedException;
import dev.ftgo.kitchen.ticket.TicketRefusedException.Reason;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.kitchen.ticket.TicketState;
import dev.ftgo.kitchen.ticket.Tickets;
import dev.ftgo.testsupport.ApiClient;

/**
 * Tickets are created through the application service (as the CreateTicket handler does) and driven over HTTP by
 * the kitchen staff of their restaurant. Who else may do what: TicketAccessIT.
 */
class TicketApiIT extends RunningKitchenService {

	@Autowired
	RestaurantService restaurantService;

	@Autowired
	TicketService ticketService;

	@Autowired
	Tickets tickets;

	@Autowired
	PlatformTransactionManager transactionManager;

	private Restaurant restaurant() {
		return restaurantService.create("Ajanta", Menu.of(new MenuItem("m1", "Curry", Money.of("12.50", "USD")),
				new MenuItem("m2", "Naan", Money.of("3.00", "USD"))));
	}

	private Ticket ticket() {
		return ticketService.createTicket(new OrderId(UUID.randomUUID()), consumer(), restaurant().id(),
				List.of(new OrderedItem("m1", 2), new OrderedItem("m2", 1)));
	}

	private static ConsumerId consumer() {
		return new ConsumerId(UUID.randomUUID());
	}

	/** The kitchen staff of the ticket's restaurant: the only ones who move it on. */
	private ApiClient kitchen(Ticket ticket) {
		return asKitchenOf(ticket.restaurantId().value());
	}

	private static String path(Ticket ticket, String transition) {
		return "/api/v1/tickets/" + ticket.id() + "/" + transition;
	}

	private static String readyByIn(Duration duration) {
		return "{\"readyBy\": \"" + Instant.now().plus(duration).truncatedTo(ChronoUnit.SECONDS) + "\"}";
	}

	private ApiClient.Response accept(Ticket ticket) {
		return kitchen(ticket).post(path(ticket, "accept"), readyByIn(Duration.ofMinutes(30)));
	}

	private static void assertState(ApiClient.Response response, TicketState state) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("state").asString()).isEqualTo(state.name());
	}

	@Test
	void readsATicket() {
		var ticket = ticket();

		var response = kitchen(ticket).get("/api/v1/tickets/" + ticket.id());

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var json = response.json();
		assertThat(json.get("ticketId").asString()).isEqualTo(ticket.id().toString());
		assertThat(json.get("orderId").asString()).isEqualTo(ticket.orderId().toString());
		assertThat(json.get("restaurantId").asString()).isEqualTo(ticket.restaurantId().toString());
		assertThat(json.get("state").asString()).isEqualTo("AWAITING_ACCEPTANCE");
		assertThat(json.get("readyBy").isNull()).as("readyBy present and null until accepted").isTrue();
		assertThat(json.get("lineItems").valueStream()
				.map(item -> item.get("menuItemId").asString() + " " + item.get("name").asString() + " x"
						+ item.get("quantity").asInt()))
				.containsExactly("m1 Curry x2", "m2 Naan x1");
	}

	@Test
	void findsTheTicketOfAnOrder() {
		var ticket = ticket();

		var found = kitchen(ticket).get("/api/v1/tickets?orderId=" + ticket.orderId());
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.json().isArray()).isTrue();
		assertThat(found.json().size()).isOne();
		assertThat(found.json().at("/0/ticketId").asString()).isEqualTo(ticket.id().toString());

		var none = asAdmin().get("/api/v1/tickets?orderId=" + UUID.randomUUID());
		assertThat(none.status()).as(none.toString()).isEqualTo(200);
		assertThat(none.json().isArray()).isTrue();
		assertThat(none.json().isEmpty()).isTrue();
	}

	@Test
	void refusesAMissingOrMalformedOrderId() {
		assertProblem(asAdmin().get("/api/v1/tickets"), 400);
		assertProblem(asAdmin().get("/api/v1/tickets?orderId="), 400);
		assertProblem(asAdmin().get("/api/v1/tickets?orderId=not-a-uuid"), 400);
	}

	@Test
	void movesATicketThroughTheKitchen() {
		var ticket = ticket();
		var readyBy = Instant.now().plus(Duration.ofMinutes(45)).truncatedTo(ChronoUnit.SECONDS);

		var accepted = kitchen(ticket).post(path(ticket, "accept"), "{\"readyBy\": \"" + readyBy + "\"}");
		assertState(accepted, TicketState.ACCEPTED);
		assertThat(Instant.parse(accepted.json().get("readyBy").asString())).isEqualTo(readyBy);

		assertState(kitchen(ticket).post(path(ticket, "preparing"), null), TicketState.PREPARING);
		assertState(kitchen(ticket).post(path(ticket, "ready"), null), TicketState.READY_FOR_PICKUP);
		var pickedUp = kitchen(ticket).post(path(ticket, "picked-up"), null);
		assertState(pickedUp, TicketState.PICKED_UP);
		assertThat(pickedUp.json().get("lineItems").size()).isEqualTo(2);

		var stored = kitchen(ticket).get("/api/v1/tickets/" + ticket.id()).json();
		assertThat(stored.get("state").asString()).isEqualTo("PICKED_UP");
		assertThat(Instant.parse(stored.get("readyBy").asString())).isEqualTo(readyBy);
		var timestamps = ticketService.find(ticket.id(), ANYONE);
		assertThat(List.of(timestamps.acceptedAt(), timestamps.preparingAt(), timestamps.readyAt(),
				timestamps.pickedUpAt())).doesNotContainNull().isSorted();
	}

	@Test
	void refusesTransitionsOutOfOrderWith409() {
		var ticket = ticket();

		assertProblem(kitchen(ticket).post(path(ticket, "preparing"), null), 409);
		assertProblem(kitchen(ticket).post(path(ticket, "ready"), null), 409);
		assertProblem(kitchen(ticket).post(path(ticket, "picked-up"), null), 409);

		assertState(accept(ticket), TicketState.ACCEPTED);
		var twice = accept(ticket);
		assertProblem(twice, 409);
		assertThat(twice.json().get("detail").asString()).contains("ACCEPTED");
		assertProblem(kitchen(ticket).post(path(ticket, "picked-up"), null), 409);

		assertState(kitchen(ticket).post(path(ticket, "preparing"), null), TicketState.PREPARING);
		assertProblem(kitchen(ticket).post(path(ticket, "preparing"), null), 409);
		assertProblem(accept(ticket), 409);

		assertThat(kitchen(ticket).get("/api/v1/tickets/" + ticket.id()).json().get("state").asString()).isEqualTo("PREPARING");
	}

	@Test
	void refusesAReadyByNotInTheFutureWith422() {
		var ticket = ticket();

		var past = kitchen(ticket).post(path(ticket, "accept"), readyByIn(Duration.ofMinutes(-1)));

		assertProblem(past, 422);
		assertThat(past.json().get("detail").asString()).contains("not in the future");
		assertThat(ticketService.find(ticket.id(), ANYONE).state()).isEqualTo(TicketState.AWAITING_ACCEPTANCE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "P2D", "P400D" })
	void refusesAReadyByTooFarAheadWith422(String ahead) {
		var ticket = ticket();

		assertProblem(kitchen(ticket).post(path(ticket, "accept"), readyByIn(Duration.parse(ahead))), 422);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z" })
	void refusesAbsurdInstantsWithoutFailing(String readyBy) {
		var ticket = ticket();

		assertProblem(kitchen(ticket).post(path(ticket, "accept"), "{\"readyBy\": \"" + readyBy + "\"}"), 422);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"tomorrow\"", "\"2026-13-01T12:30:00Z\"", "\"2026-01-01 12:30\"", "\"\"", "[]", "{}", "true" })
	void refusesInvalidDatesNamingReadyBy(String readyBy) {
		var ticket = ticket();

		var response = kitchen(ticket).post(path(ticket, "accept"), "{\"readyBy\": " + readyBy + "}");

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactly("readyBy");
	}

	@Test
	void requiresReadyBy() {
		var ticket = ticket();

		var missing = kitchen(ticket).post(path(ticket, "accept"), "{\"ready\": \"soon\"}");
		assertProblem(missing, 400);
		assertThat(errorFields(missing)).containsExactly("readyBy");

		assertProblem(kitchen(ticket).post(path(ticket, "accept"), "{\"readyBy\": null}"), 400);
		assertProblem(kitchen(ticket).post(path(ticket, "accept"), null), 400);
		assertProblem(kitchen(ticket).post(path(ticket, "accept"), "{"), 400);
		assertProblem(kitchen(ticket).post(path(ticket, "accept"), "x=1", "text/plain"), 415);
	}

	@Test
	void answersUnknownTicketsWith404AndMalformedIdsWith400() {
		var unknown = "/api/v1/tickets/" + UUID.randomUUID();
		var kitchen = asKitchenOf(UUID.randomUUID());

		assertProblem(asAdmin().get(unknown), 404);
		assertProblem(kitchen.post(unknown + "/accept", readyByIn(Duration.ofMinutes(30))), 404);
		assertProblem(kitchen.post(unknown + "/preparing", null), 404);
		assertProblem(kitchen.post(unknown + "/ready", null), 404);
		assertProblem(kitchen.post(unknown + "/picked-up", null), 404);
		assertProblem(asAdmin().get("/api/v1/tickets/not-a-uuid"), 400);
		assertProblem(kitchen.post("/api/v1/tickets/not-a-uuid/preparing", null), 400);
	}

	@Test
	void offersNoWayToCreateOrCancelTicketsOverHttp() {
		var ticket = ticket();

		assertThat(kitchen(ticket).post("/api/v1/tickets", "{}").status()).isIn(404, 405);
		assertThat(kitchen(ticket).post(path(ticket, "cancel"), null).status()).isIn(404, 405);
		assertThat(ticketService.find(ticket.id(), ANYONE).state()).isEqualTo(TicketState.AWAITING_ACCEPTANCE);
	}

	/**
	 * Every thread reads the ACCEPTED ticket and tries to move it on in its own transaction; without
	 * the version check more than one would win. Losers see either the version conflict at commit or,
	 * if they read after the winner committed, the illegal transition: both are 409.
	 */
	@Test
	void letsExactlyOneOfManyConcurrentTransitionsWin() throws Exception {
		int threads = 8;
		for (int round = 0; round < 3; round++) {
			var ticket = ticket();
			assertState(accept(ticket), TicketState.ACCEPTED);
			var barrier = new CyclicBarrier(threads);
			var executor = Executors.newFixedThreadPool(threads);
			try {
				var results = new ArrayList<Future<ApiClient.Response>>();
				for (int i = 0; i < threads; i++) {
					var client = kitchen(ticket);
					results.add(executor.submit(() -> {
						barrier.await(10, TimeUnit.SECONDS);
						return client.post(path(ticket, "preparing"), null);
					}));
				}
				var statuses = new ArrayList<Integer>();
				for (var result : results) {
					var response = result.get(30, TimeUnit.SECONDS);
					statuses.add(response.status());
					if (response.status() != 200) {
						assertProblem(response, 409);
					}
				}
				assertThat(statuses).as("round %d", round).containsOnlyOnce(200).containsOnly(200, 409);
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(ticketService.find(ticket.id(), ANYONE).state()).isEqualTo(TicketState.PREPARING);
		}
	}

	/** The same race, made deterministic: a transaction that read before another one committed must not win. */
	@Test
	void detectsALostUpdateAtCommit() {
		var ticket = ticket();
		ticketService.accept(ticket.id(), Instant.now().plus(Duration.ofMinutes(30)), ANYONE);
		var first = new TransactionTemplate(transactionManager);
		var second = new TransactionTemplate(transactionManager);
		second.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> first.executeWithoutResult(tx -> {
			var stale = tickets.findById(ticket.id().value()).orElseThrow();
			second.executeWithoutResult(other -> tickets.findById(ticket.id().value()).orElseThrow().startPreparing(Instant.now()));
			stale.startPreparing(Instant.now());
		}));
		assertThat(ticketService.find(ticket.id(), ANYONE).state()).isEqualTo(TicketState.PREPARING);
	}

	@Test
	void refusesTicketsForAClosedRestaurant() {
		var restaurant = restaurant();
		restaurantService.close(restaurant.id());
		var orderId = new OrderId(UUID.randomUUID());

		assertThatExceptionOfType(TicketRefusedException.class)
				.isThrownBy(() -> ticketService.createTicket(orderId, null, restaurant.id(), List.of(new OrderedItem("m1", 1))))
				.satisfies(refusal -> assertThat(refusal.reason()).isEqualTo(Reason.RESTAURANT_CLOSED));
		assertThat(ticketService.findForOrder(orderId, ANYONE)).isEmpty();
	}

	@Test
	void refusesTicketsForUnknownRestaurantsAndMenuItems() {
		var orderId = new OrderId(UUID.randomUUID());

		assertThatExceptionOfType(TicketRefusedException.class)
				.isThrownBy(() -> ticketService.createTicket(orderId, null, RestaurantId.random(), List.of(new OrderedItem("m1", 1))))
				.satisfies(refusal -> assertThat(refusal.reason()).isEqualTo(Reason.UNKNOWN_RESTAURANT));
		assertThatExceptionOfType(TicketRefusedException.class)
				.isThrownBy(() -> ticketService.createTicket(orderId, null, restaurant().id(), List.of(new OrderedItem("m7", 1))))
				.satisfies(refusal -> assertThat(refusal.reason()).isEqualTo(Reason.UNKNOWN_MENU_ITEM));
		assertThat(ticketService.findForOrder(orderId, ANYONE)).isEmpty();
	}

	@Test
	void namesLineItemsAsTheMenuDidWhenTheTicketWasCreated() {
		var restaurant = restaurant();
		var ticket = ticketService.createTicket(new OrderId(UUID.randomUUID()), consumer(), restaurant.id(),
				List.of(new OrderedItem("m1", 1)));

		restaurantService.replaceMenu(restaurant.id(), Menu.of(new MenuItem("m1", "Lamb Curry", Money.of("14.00", "USD"))));

		assertThat(kitchen(ticket).get("/api/v1/tickets/" + ticket.id()).json().at("/lineItems/0/name").asString()).isEqualTo("Curry");
	}

	@Test
	void createsOneTicketPerOrder() {
		var restaurant = restaurant();
		var orderId = new OrderId(UUID.randomUUID());

		var first = ticketService.createTicket(orderId, null, restaurant.id(), List.of(new OrderedItem("m1", 1)));
		var again = ticketService.createTicket(orderId, null, restaurant.id(), List.of(new OrderedItem("m1", 1)));

		assertThat(again.id()).isEqualTo(first.id());
		// the unique index holds even when the service's check is bypassed
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> tickets.save(
				Ticket.create(orderId, null, restaurant, List.of(new OrderedItem("m2", 1)), Instant.now())));
	}

	@Test
	void cancelsOnlyBeforePreparationStarts() {
		var awaiting = ticket();
		assertThat(ticketService.cancel(awaiting.id()).state()).isEqualTo(TicketState.CANCELLED);
		assertProblem(accept(awaiting), 409);

		var preparing = ticket();
		accept(preparing);
		kitchen(preparing).post(path(preparing, "preparing"), null);
		assertThatExceptionOfType(IllegalTicketStateException.class).isThrownBy(() -> ticketService.cancel(preparing.id()));
		assertThat(ticketService.find(preparing.id(), ANYONE).state()).isEqualTo(TicketState.PREPARING);
	}
}
