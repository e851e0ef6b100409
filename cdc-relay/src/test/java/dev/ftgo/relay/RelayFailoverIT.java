package dev.ftgo.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.ftgo.devstack.Ports;
import dev.ftgo.messaging.Message;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;

/**
 * Two relay instances, each its own process from the built jar, on one source: exactly one streams, the other
 * stands by; {@code kill -9} of the active one hands the source to the other, and no message is lost.
 */
class RelayFailoverIT {

	private static final String SOURCE = "failover-it";
	private static final String DATABASE = "failover_it";
	private static final String TOPIC = "order.events";
	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final List<Instance> instances = new ArrayList<>();
	private static OutboxDatabase database;

	/** One relay process and its health endpoint. */
	private record Instance(Process process, ApiClient api) {

		String state() {
			try {
				return api.get("/actuator/health").json().path("components").path("engines").path("components").path(SOURCE)
					.path("details").path("state").asText("UNREACHABLE");
			}
			catch (UncheckedIOException | IllegalStateException unreachable) {
				return "UNREACHABLE";
			}
		}
	}

	@BeforeAll
	static void twoRelays() throws IOException {
		var postgres = TestDatabase.server(DATABASE);
		database = new OutboxDatabase(postgres.jdbcUrl(DATABASE), DATABASE);
		for (int i = 0; i < 2; i++) {
			instances.add(start(postgres.port(), i));
		}
	}

	@AfterAll
	static void stopRelays() {
		instances.forEach(instance -> instance.process().destroyForcibly());
		database.close();
	}

	@Test
	void exactlyOneInstanceStreamsAndAnotherTakesOverWhenItIsKilled() {
		await().atMost(PATIENCE).until(() -> states().contains("RUNNING") && states().contains("STANDBY"));
		List<Message> beforeTheKill = send(20, "before");
		TopicReader.awaitPublished(TOPIC, ids(beforeTheKill));

		Instance active = instances.stream().filter(instance -> instance.state().equals("RUNNING")).findFirst().orElseThrow();
		Instance standby = instances.stream().filter(instance -> instance != active).findFirst().orElseThrow();
		assertThat(standby.state()).isEqualTo("STANDBY");
		long killedAt = System.nanoTime();
		active.process().destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the database
		List<Message> meanwhile = send(20, "meanwhile");

		await().atMost(PATIENCE).until(() -> standby.state().equals("RUNNING"));
		System.out.printf("RelayFailoverIT: the standby instance streamed %.1f s after the active one was killed%n",
				(System.nanoTime() - killedAt) / 1e9);
		List<Message> after = send(20, "after");

		List<Message> all = new ArrayList<>(beforeTheKill);
		all.addAll(meanwhile);
		all.addAll(after);
		TopicReader.awaitPublished(TOPIC, ids(all));
		Map<UUID, Long> copies = TopicReader.readAll(List.of(TOPIC)).stream().map(TopicReader::id)
			.filter(ids(all)::contains).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(copies).as("every message, none lost").hasSize(all.size());
		// what the killed instance had published but not yet committed the offset of may go out again; what was
		// sent after the takeover, once
		assertThat(ids(after)).allSatisfy(id -> assertThat(copies.get(id)).as("copies of %s", id).isEqualTo(1));
	}

	private static List<String> states() {
		return instances.stream().map(Instance::state).toList();
	}

	private static List<Message> send(int count, String prefix) {
		List<Message> sent = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			String key = prefix + "-" + (n % 4);
			sent.add(database.send(TOPIC, key, "OrderRevised", Map.of("orderId", key, "n", n)));
		}
		return sent;
	}

	private static List<UUID> ids(List<Message> messages) {
		return messages.stream().map(Message::id).toList();
	}

	private static Instance start(int postgresPort, int number) throws IOException {
		int port = Ports.freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		var command = List.of(java, "-jar", Path.of("target", "cdc-relay.jar").toAbsolutePath().toString(),
				"--server.port=" + port, "--spring.jmx.enabled=false",
				"--ftgo.relay.postgres.port=" + postgresPort,
				"--ftgo.relay.sources[0].name=" + SOURCE, "--ftgo.relay.sources[0].database=" + DATABASE,
				"--ftgo.relay.kafka.bootstrap-servers=" + TestKafka.broker().bootstrapServers(),
				"--ftgo.relay.engine.heartbeat-interval=1s", "--ftgo.relay.engine.restart-max-backoff=2s");
		Path log = Path.of("target", "relay-failover-" + number + ".log").toAbsolutePath();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
		return new Instance(process, new ApiClient(port));
	}
}
