package dev.ftgo.kitchen;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static dev.ftgo.testsupport.ProblemResponses.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.kitchen.restaurant.Menu;
import dev.ftgo.kitchen.restaurant.MenuItem;
import dev.ftgo.kitchen.restaurant.Money;
import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantService;
import dev.ftgo.kitchen.ticket.ConsumerId;
import dev.ftgo.kitchen.ticket.OrderId;
import dev.ftgo.kitchen.ticket.OrderedItem;
import dev.ftgo.kitchen.ticket.Ticket;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.Caller;
import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;
import dev.ftgo.testsupport.TestTokens;

/**
 * The whole service on a random port against its own database in the test JVM's embedded PostgreSQL and
 * the test JVM's Kafka broker, with an outbox that records what it sends, checking tokens against the test
 * JVM's JWK set ({@link TestTokens}). Integration tests extend this so that they share one application
 * context: a second one would join the consumer group and take partitions away from the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RecordingOutboxWriter.Configuration.class)
public abstract class RunningKitchenService {

	/** Generous: the consumer group's first rebalance on a busy machine takes seconds. */
	protected static final Duration PATIENCE = Duration.ofSeconds(60);

	protected static final MenuItem CURRY = new MenuItem("m1", "Curry", Money.of("12.50", "USD"));
	protected static final MenuItem NAAN = new MenuItem("m2", "Naan", Money.of("3.00", "USD"));

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "kitchen_service");
		// the listener containers start with the context, so the topics they read must exist before it
		TestKafka.createTopics("kitchen.commands", "kitchen.commands-dlt", "order.events", "order.events-dlt");
		registry.add("spring.kafka.bootstrap-servers", () -> TestKafka.bootstrapServers());
		TestTokens.register(registry);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected RecordingOutboxWriter outbox;

	@Autowired
	private RestaurantService restaurantService;

	@Autowired
	private TicketService ticketService;

	@AfterEach
	void outboxWorksAgain() {
		outbox.reset();
	}

	/** Sends no token: only the actuator and the API documents answer it. */
	protected ApiClient api() {
		return new ApiClient(port);
	}

	protected ApiClient asAdmin() {
		return api().withToken(TestTokens.admin());
	}

	/** Kitchen staff of the restaurant with this id (a UUID, a RestaurantId's value, or its string). */
	protected ApiClient asKitchenOf(Object restaurantId) {
		return api().withToken(TestTokens.kitchen(restaurantId));
	}

	protected ApiClient asConsumer(Object consumerId) {
		return api().withToken(TestTokens.consumer(consumerId));
	}

	/** As one of the callers of the roles table, relative to this restaurant and this consumer. */
	protected ApiClient as(Caller caller, UUID restaurantId, UUID consumerId) {
		return caller.client(api(), restaurantId, consumerId);
	}

	/** {@code status}, and for a refusal the problem (and the challenge of a 401) that comes with it. */
	protected static void assertAnswer(ApiClient.Response response, int status) {
		if (status == 401) {
			assertUnauthorized(response);
		}
		else if (status >= 400) {
			assertProblem(response, status);
		}
		else {
			assertThat(response.status()).as(response.toString()).isEqualTo(status);
		}
	}

	/** Ajanta, stored as an admin creates it, with this menu. */
	protected Restaurant storedRestaurant(MenuItem... menu) {
		return restaurantService.create("Ajanta", Menu.of(menu));
	}

	/** A ticket for one curry at a new restaurant, of a new order of this consumer ({@code null}: not named). */
	protected Ticket storedTicket(ConsumerId consumerIdOrNull) {
		return ticketService.createTicket(new OrderId(UUID.randomUUID()), consumerIdOrNull, storedRestaurant(CURRY).id(),
				List.of(new OrderedItem("m1", 1)));
	}

	/** 200 with an empty list: what a caller gets for an order without a ticket, or with one that is not theirs. */
	protected static void assertNoTicketListed(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().isEmpty()).as(response.toString()).isTrue();
	}
}
