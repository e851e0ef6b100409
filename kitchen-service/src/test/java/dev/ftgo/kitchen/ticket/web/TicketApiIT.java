package dev.ftgo.kitchen.ticket.web;

import static dev.ftgo.kitchen.ticket.TicketAccess.ANYONE;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.kitchen.ticket.TicketState;
import dev.ftgo.kitchen.ticket.Tickets;
import dev.ftgo.testsupport.ApiClient;

/**
 * Reading tickets, moving them through the kitchen in order, and what guards those moves: the state each one needs,
 * and the version that lets exactly one of two concurrent moves win.
 */
class TicketApiIT extends TicketsOverHttp {

	@Autowired
	Tickets tickets;

	@Autowired
	PlatformTransactionManager transactionManager;

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
}
