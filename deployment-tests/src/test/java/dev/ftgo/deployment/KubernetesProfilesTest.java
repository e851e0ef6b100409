package dev.ftgo.deployment;

import static dev.ftgo.deployment.ProjectManifests.MANIFESTS;
import static dev.ftgo.deployment.ProjectManifests.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.FileSystemResource;

import dev.ftgo.deployment.KubernetesManifests.Workload;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;

/**
 * The apps' profile {@code kubernetes} against the manifests that run them: every address the profile
 * names is a Service of k8s/base on a port it serves, Eureka is off, and every environment variable a
 * container sets is a property its app binds.
 */
class KubernetesProfilesTest {

	private static final String PROFILE = "kubernetes";
	private static final Set<String> EUREKA_CLIENTS = Set.of("api-gateway", "consumer-service", "order-service",
			"kitchen-service");
	private static final String INSTANCES = "spring.cloud.discovery.client.simple.instances.";
	private static final Pattern INSTANCE_URI = Pattern.compile(Pattern.quote(INSTANCES) + "([a-z0-9-]+)\\[\\d+]\\.uri");
	private static final Pattern RELAY_SOURCE = Pattern.compile("FTGO_RELAY_SOURCES_(\\d+)_([A-Z]+)");
	// the record components of RelaySettings.Source (cdc-relay), which binds them with its defaults
	private static final Set<String> RELAY_SOURCE_FIELDS = Set.of("NAME", "HOST", "PORT", "DATABASE", "USERNAME",
			"PASSWORD", "SLOTNAME", "PUBLICATIONNAME");

	@Test
	void runsEveryImageOfThisProjectWithTheKubernetesProfile() {
		assertThat(apps()).extracting(Workload::name).containsExactlyInAnyOrder("api-gateway", "consumer-service",
				"order-service", "kitchen-service", "cdc-relay");
		for (Workload app : apps()) {
			assertThat(environment(app)).as(app.name()).containsEntry("SPRING_PROFILES_ACTIVE", PROFILE);
		}
	}

	@Test
	void switchesEurekaOffWhereverItIsOn() {
		for (String module : EUREKA_CLIENTS) {
			assertThat(profile(module)).as(module).containsEntry("eureka.client.enabled", false);
		}
	}

	@Test
	void resolvesEveryPeerToAServiceOfTheBaseOnAPortItServes() {
		var resolved = new ArrayList<String>();
		for (Workload app : apps()) {
			profile(app.name()).forEach((key, value) -> {
				Matcher instance = INSTANCE_URI.matcher(key);
				if (instance.matches()) {
					URI uri = URI.create(String.valueOf(value));
					assertThat(uri.getHost()).as(key).isEqualTo(instance.group(1));
					assertServed(app.name() + " " + key, uri.getHost(), uri.getPort());
					resolved.add(instance.group(1));
				}
			});
		}
		assertThat(resolved).contains("consumer-service", "order-service", "kitchen-service");
	}

	@Test
	void discoversEveryServiceTheGatewayRoutesToAndOrderServiceCalls() {
		var gateway = ModuleProperties.load(PROJECT_ROOT, "api-gateway", List.of(PROFILE));
		var routed = values("api-gateway").values().stream().map(String::valueOf).filter(value -> value.startsWith("lb://"))
			.map(value -> URI.create(value).getHost()).distinct().toList();
		assertThat(routed).isNotEmpty().allSatisfy(service -> assertThat(gateway.value(INSTANCES + service + "[0].uri"))
			.as("instance of " + service + " for the gateway").isPresent());

		var orderService = ModuleProperties.load(PROJECT_ROOT, "order-service", List.of(PROFILE));
		var called = values("order-service").entrySet().stream().filter(entry -> entry.getKey().matches("ftgo\\.order\\.clients\\..*\\.base-url"))
			.map(entry -> URI.create(String.valueOf(entry.getValue())).getHost()).toList();
		assertThat(called).containsExactlyInAnyOrder("consumer-service", "kitchen-service")
			.allSatisfy(service -> assertThat(orderService.value(INSTANCES + service + "[0].uri"))
				.as("instance of " + service + " for order-service").isPresent());
	}

	@Test
	void pointsTheAppsAtThePostgresAndKafkaServices() {
		for (String module : List.of("consumer-service", "order-service", "kitchen-service")) {
			URI database = URI.create(String.valueOf(profile(module).get("spring.datasource.url")).substring("jdbc:".length()));
			assertServed(module + " datasource", database.getHost(), database.getPort());
			assertThat(database.getPath()).as(module + "'s own database").isEqualTo("/" + module.replace('-', '_'));
			assertBootstrapServers(module, String.valueOf(profile(module).get("spring.kafka.bootstrap-servers")));
		}
		var relay = profile("cdc-relay");
		assertServed("cdc-relay postgres", String.valueOf(relay.get("ftgo.relay.postgres.host")),
				Integer.parseInt(String.valueOf(relay.get("ftgo.relay.postgres.port"))));
		assertBootstrapServers("cdc-relay", String.valueOf(relay.get("ftgo.relay.kafka.bootstrap-servers")));
	}

	@Test
	void listensOnThePortTheApplicationListensOn() {
		for (Workload app : apps()) {
			var properties = ModuleProperties.load(PROJECT_ROOT, app.name(), List.of(PROFILE));
			assertThat(container(app).getPorts()).as(app.name()).singleElement()
				.satisfies(port -> assertThat(String.valueOf(port.getContainerPort())).isEqualTo(properties.value("server.port").orElseThrow()));
		}
	}

	@Test
	void setsOnlyEnvironmentVariablesTheAppsBind() {
		var unbound = new ArrayList<String>();
		for (Workload app : apps()) {
			var properties = ModuleProperties.load(PROJECT_ROOT, app.name(), List.of(PROFILE));
			environment(app).keySet().stream()
				.filter(variable -> !variable.equals("SPRING_PROFILES_ACTIVE") && !RELAY_SOURCE.matcher(variable).matches())
				.forEach(variable -> properties.whyUnbound(variable).ifPresent(why -> unbound.add(app.name() + ": " + why)));
		}
		assertThat(unbound).isEmpty();
	}

	/**
	 * An indexed variable replaces the list of application.yml instead of merging into it, so cdc-relay's
	 * sources are set whole: every index from 0, each with its name and database, the same sources.
	 */
	@Test
	void setsTheRelaySourcesWhole() {
		var sources = new TreeMap<Integer, Map<String, String>>();
		environment(MANIFESTS.workload("cdc-relay")).forEach((variable, value) -> {
			Matcher source = RELAY_SOURCE.matcher(variable);
			if (source.matches()) {
				assertThat(RELAY_SOURCE_FIELDS).as(variable).contains(source.group(2));
				sources.computeIfAbsent(Integer.parseInt(source.group(1)), index -> new TreeMap<>()).put(source.group(2), value);
			}
		});
		var declared = values("cdc-relay").entrySet().stream().filter(entry -> entry.getKey().matches("ftgo\\.relay\\.sources\\[\\d+]\\.name"))
			.map(entry -> String.valueOf(entry.getValue())).toList();

		assertThat(sources.keySet()).containsExactlyElementsOf(IntStream.range(0, sources.size()).boxed().toList());
		assertThat(sources.values()).allSatisfy(source -> assertThat(source).containsKeys("NAME", "DATABASE", "PASSWORD"));
		assertThat(sources.values()).extracting(source -> source.get("NAME")).containsExactlyInAnyOrderElementsOf(declared);
	}

	/**
	 * Every client bootstraps from the Kafka bootstrap Service: a Service of the brokers' pods with a cluster IP,
	 * which answers from any ready broker; that broker then names every broker by its own stable address.
	 */
	private static void assertBootstrapServers(String module, String bootstrapServers) {
		for (String server : bootstrapServers.split(",")) {
			var address = URI.create("kafka://" + server.trim());
			assertServed(module + " Kafka", address.getHost(), address.getPort());
			var service = MANIFESTS.named(Service.class, address.getHost()).orElseThrow();
			assertThat(MANIFESTS.workload(KafkaCluster.NAME).podLabels()).as(module + ": " + address.getHost() + " selects the brokers")
				.containsAllEntriesOf(service.getSpec().getSelector());
			assertThat(service.getSpec().getClusterIP()).as(module + ": " + address.getHost() + " balances over the ready brokers,"
					+ " a headless Service would list every pod").isNotEqualTo("None");
		}
	}

	private static void assertServed(String what, String host, int port) {
		Optional<Service> service = MANIFESTS.named(Service.class, host);
		assertThat(service).as(what + ": a Service " + host + " in k8s/base").isPresent();
		assertThat(service.get().getSpec().getPorts()).extracting(ServicePort::getPort).as(what + ": port of Service " + host)
			.contains(port);
	}

	/** The workloads that run a Spring Boot application of this project. */
	static List<Workload> apps() {
		return MANIFESTS.workloads().stream().filter(workload -> PodChecks.isSpringBootApp(container(workload))).toList();
	}

	private static Container container(Workload workload) {
		return workload.template().getSpec().getContainers().get(0);
	}

	/** What the container's environment holds: its ConfigMaps' keys, then its own variables (values of Secrets as "<secret>"). */
	static Map<String, String> environment(Workload workload) {
		var environment = new LinkedHashMap<String, String>();
		Container container = container(workload);
		ObjectReferences.envFrom(container).filter(source -> source.getConfigMapRef() != null)
			.forEach(source -> environment.putAll(MANIFESTS.named(ConfigMap.class, source.getConfigMapRef().getName())
				.orElseThrow().getData()));
		ObjectReferences.env(container)
			.forEach(variable -> environment.put(variable.getName(), value(variable)));
		return environment;
	}

	private static String value(EnvVar variable) {
		return variable.getValueFrom() == null ? variable.getValue() : "<secret>";
	}

	/** {@code <module>}'s application-kubernetes.yml, flattened (list elements as {@code key[0]}). */
	private static Map<String, Object> profile(String module) {
		return flatten(PROJECT_ROOT.resolve(module).resolve("src/main/resources/application-" + PROFILE + ".yml"));
	}

	/** {@code <module>}'s application.yml, flattened. */
	private static Map<String, Object> values(String module) {
		return flatten(PROJECT_ROOT.resolve(module).resolve("src/main/resources/application.yml"));
	}

	private static Map<String, Object> flatten(Path file) {
		try {
			var flat = new LinkedHashMap<String, Object>();
			for (var document : new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file))) {
				var properties = (EnumerablePropertySource<?>) document;
				for (String key : properties.getPropertyNames()) {
					flat.putIfAbsent(key, unwrap(properties.getProperty(key)));
				}
			}
			return flat;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Object unwrap(Object value) {
		return value instanceof OriginTrackedValue tracked ? tracked.getValue() : value;
	}
}
