package dev.ftgo.order.order.web;

import static dev.ftgo.order.ReplicaFeeds.awaitVersion;
import static dev.ftgo.order.ReplicaFeeds.menu;
import static dev.ftgo.order.ReplicaFeeds.restaurantSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.testsupport.ApiClient;

/**
 * Requests never hold one pooled database connection while waiting for a second: with a single connection
 * left in the pool, any such path can never finish, so every placement and read below would wait out the
 * connection timeout and fail. A pool smaller than the number of requests in flight is the normal case under
 * load (10 connections, 200 request threads); this makes the shortage absolute so the outcome does not depend
 * on timing. (The pool has two connections because Flyway needs two at startup; the test holds one.)
 */
@TestPropertySource(properties = {
		"spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=3000" })
class ConnectionPoolIT extends WithStubbedServices {

	private static final int AT_ONCE = 12;

	@Autowired
	private DataSource dataSource;

	private final ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE);

	@AfterEach
	void stopClients() {
		clients.shutdownNow();
	}

	@Test
	void placesAndReadsMoreOrdersAtOnceThanThePoolHasConnections() throws Exception {
		var replicated = UUID.randomUUID();
		restaurantSnapshot(replicated, "RestaurantCreated", true, menu("11.00"), 1);
		awaitVersion(jdbc, "restaurant_replica", "restaurant_id", replicated, 1);
		var askedOfTheKitchen = givenRestaurant();
		var earlierConsumer = UUID.randomUUID();
		var earlierOrder = placeOrder(earlierConsumer, replicated);

		try (var held = dataSource.getConnection()) {
			assertThat(held.isValid(1)).isTrue();
			placeAndReadAtOnce(replicated, askedOfTheKitchen, earlierConsumer, earlierOrder);
		}
	}

	private void placeAndReadAtOnce(UUID replicated, UUID askedOfTheKitchen, UUID earlierConsumer, UUID earlierOrder)
			throws Exception {
		var start = new CountDownLatch(1);
		var answers = new ArrayList<Future<ApiClient.Response>>();
		for (int i = 0; i < AT_ONCE; i++) {
			var consumerId = UUID.randomUUID();
			var restaurantId = i % 3 == 2 ? askedOfTheKitchen : replicated;
			Callable<ApiClient.Response> request = switch (i % 4) {
				case 0 -> () -> postOrder(consumerId, restaurantId);
				case 1 -> () -> post(consumerId, "/api/v1/orders", orderJson(consumerId, restaurantId),
						"Idempotency-Key", UUID.randomUUID().toString());
				case 2 -> () -> asConsumer(earlierConsumer).get("/api/v1/orders/" + earlierOrder);
				default -> () -> asConsumer(earlierConsumer).get("/api/v1/orders?consumerId=" + earlierConsumer);
			};
			answers.add(clients.submit(() -> {
				start.await();
				return request.call();
			}));
		}
		start.countDown();

		List<Integer> statuses = new ArrayList<>();
		for (var answer : answers) {
			statuses.add(answer.get(60, TimeUnit.SECONDS).status());
		}
		assertThat(statuses).as("status of each request").containsOnly(200, 201);
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(AT_ONCE / 2);
	}
}
