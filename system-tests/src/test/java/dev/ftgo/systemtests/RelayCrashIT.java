package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;
import dev.ftgo.testsupport.ApiClient;

/**
 * {@code kill -9} of cdc-relay in the middle of a burst of orders. Whatever was committed before,
 * during and after the kill must reach Kafka (the replication slot keeps it), and whatever the relay
 * republishes after the restart must be applied only once (the consumers' processed_message).
 */
class RelayCrashIT {

	private static final int ORDERS = 200;
	private static final int CLIENTS = 4;

	private static Stack stack;
	private static KafkaTopics kafka;

	@BeforeAll
	static void startStack() {
		stack = SystemStack.start("relay-crash");
		kafka = new KafkaTopics("127.0.0.1:" + stack.ports().kafka());
	}

	@AfterAll
	static void stopStack() {
		if (kafka != null) {
			kafka.close();
		}
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void everyOrderIsApprovedExactlyOnceAfterTheRelayIsKilledMidBurst() throws Exception {
		var gateway = new ApiClient(stack.ports().gateway());
		var fixtures = new Fixtures(gateway);
		var consumerId = fixtures.consumer("100000.00");
		var restaurantId = fixtures.restaurant();

		var accepted = new ConcurrentLinkedQueue<String>();
		var refused = new ConcurrentLinkedQueue<String>();
		var killed = new AtomicBoolean();
		var pool = Executors.newFixedThreadPool(CLIENTS);
		for (int i = 0; i < ORDERS; i++) {
			int n = i;
			pool.submit(() -> {
				if (n == ORDERS / 3 && killed.compareAndSet(false, true)) {
					stack.kill(Component.CDC_RELAY);
				}
				var placed = fixtures.placeOrder(consumerId, restaurantId, "[{\"menuItemId\": \"m1\", \"quantity\": 1}]");
				if (placed.status() == 201) {
					accepted.add(placed.json().get("orderId").asString());
				}
				else {
					refused.add(placed.toString());
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
		assertThat(refused).as("every order is accepted while the relay is down").isEmpty();
		assertThat(killed).isTrue();

		long restartedAt = System.nanoTime();
		stack.start(Component.CDC_RELAY);

		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> accepted.stream()
				.allMatch(orderId -> "APPROVED".equals(gateway.get("/api/v1/orders/" + orderId).json().get("state").asString())));
		long recoveredMs = (System.nanoTime() - restartedAt) / 1_000_000;

		for (var orderId : accepted) {
			assertThat(gateway.get("/api/v1/tickets?orderId=" + orderId).json().size()).as("tickets of " + orderId).isEqualTo(1);
		}
		var commands = kafka.readAll("kitchen.commands");
		var createTicketCommands = commands.stream().filter(record -> accepted.contains(record.key())).toList();
		long distinct = createTicketCommands.stream().map(record -> record.headers().get("id")).distinct().count();
		long republished = createTicketCommands.size() - distinct;
		assertThat(distinct).as("one CreateTicket per accepted order reached Kafka").isEqualTo(accepted.size());

		var approvals = kafka.readAll("order.events").stream()
				.filter(record -> accepted.contains(record.key()) && "OrderApproved".equals(record.headers().get("type")))
				.collect(Collectors.groupingBy(record -> record.headers().get("id"), Collectors.counting()));
		var approvalsPerOrder = kafka.readAll("order.events").stream()
				.filter(record -> accepted.contains(record.key()) && "OrderApproved".equals(record.headers().get("type")))
				.collect(Collectors.groupingBy(KafkaTopics.Record::key, Collectors.mapping(record -> record.headers().get("id"),
						Collectors.toSet())));
		assertThat(approvalsPerOrder).as("each order approved by exactly one OrderApproved message").hasSize(accepted.size())
				.allSatisfy((order, ids) -> assertThat(ids).hasSize(1));

		System.out.printf("%n[figures] relay kill -9 mid-burst: orders accepted %d, lost 0, applied twice 0, "
				+ "CreateTicket records republished by the relay after the kill %d, OrderApproved records %d for %d messages, "
				+ "all approved %d ms after the relay restart%n", accepted.size(), republished,
				approvals.values().stream().mapToLong(Long::longValue).sum(), approvals.size(), recoveredMs);
	}

}
