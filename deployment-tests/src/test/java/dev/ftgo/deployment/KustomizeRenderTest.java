package dev.ftgo.deployment;

import static dev.ftgo.deployment.ProjectManifests.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;

/**
 * The local overlay as kustomize renders it ({@code kubectl kustomize k8s/overlays/local}): what a cluster
 * would receive, with generated names, the namespace and the overlay's patches applied. It needs the
 * kubectl client on the PATH (it renders offline; no cluster is contacted) and fails, saying so, without
 * it: a check that quietly does not run proves nothing. {@link KubernetesManifestsTest} checks the files
 * themselves with no tool at all.
 */
class KustomizeRenderTest {

	private static final String NAMESPACE = "ftgo";

	private static KubernetesManifests rendered;

	@BeforeAll
	static void render() throws IOException, InterruptedException {
		Path kubectl = onPath("kubectl").orElseThrow(() -> new IllegalStateException("kubectl is not on the PATH: "
				+ "this test renders k8s/overlays/local with `kubectl kustomize` (offline, client only). Install the "
				+ "kubectl client, or leave this module out with -pl '!deployment-tests'."));
		Path output = Files.createTempFile("ftgo-kustomize-", ".yaml");
		try {
			Process process = new ProcessBuilder(kubectl.toString(), "kustomize", "k8s/overlays/local")
				.directory(PROJECT_ROOT.toFile())
				.redirectOutput(output.toFile())
				.redirectErrorStream(false)
				.start();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
			String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as("kubectl kustomize k8s/overlays/local: " + errors).isZero();
			rendered = KubernetesManifests.parse("kubectl kustomize k8s/overlays/local", Files.readString(output));
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	@Test
	void rendersOnlyObjectsWithoutUnknownFields() {
		assertThat(rendered.problems()).isEmpty();
		assertThat(rendered.workloads()).hasSize(8);
	}

	@Test
	void rendersEveryObjectIntoTheNamespace() {
		assertThat(rendered.all(Namespace.class)).extracting(namespace -> namespace.getMetadata().getName())
			.containsExactly(NAMESPACE);
		assertThat(rendered.all()).filteredOn(object -> !(object instanceof Namespace))
			.allSatisfy(object -> assertThat(object.getMetadata().getNamespace())
				.as(object.getKind() + " " + object.getMetadata().getName()).isEqualTo(NAMESPACE));
		assertThat(rendered.all()).allSatisfy(object -> assertThat(object.getMetadata().getLabels())
			.as(object.getKind() + " " + object.getMetadata().getName()).containsEntry("app.kubernetes.io/part-of", "ftgo"));
	}

	@Test
	void findsEverySecretAndConfigMapUnderItsGeneratedName() {
		assertThat(ObjectReferences.secretReferences(rendered)).isNotEmpty()
			.allSatisfy((name, keys) -> assertThat(keys(rendered.named(Secret.class, name).map(Secret::getData)))
				.as("Secret " + name).containsAll(keys));
		assertThat(ObjectReferences.configMapReferences(rendered)).isNotEmpty()
			.allSatisfy((name, keys) -> assertThat(keys(rendered.named(ConfigMap.class, name).map(ConfigMap::getData)))
				.as("ConfigMap " + name).containsAll(keys));
	}

	@Test
	void keepsEveryWorkloadProbedLimitedAndRestricted() {
		assertThat(PodChecks.withoutProbes(rendered.workloads())).isEmpty();
		assertThat(PodChecks.springBootAppsNotProbedOnHealthGroups(rendered.workloads())).isEmpty();
		assertThat(PodChecks.withoutRequestsAndLimits(rendered.workloads())).isEmpty();
		assertThat(PodChecks.notRestricted(rendered.workloads())).isEmpty();
		assertThat(PodChecks.imagesNamingARegistryHostOrNoTag(rendered.workloads())).isEmpty();
		assertThat(ObjectReferences.servicesWithoutWorkload(rendered)).isEmpty();
	}

	@Test
	void runsOneOfEachOnALocalClusterAndExposesOnlyTheGateway() {
		assertThat(rendered.workloads()).allSatisfy(workload -> assertThat(workload.replicas()).as(workload.name()).isEqualTo(1));
		assertThat(rendered.all(Service.class)).filteredOn(service -> !"ClusterIP".equals(
				Optional.ofNullable(service.getSpec().getType()).orElse("ClusterIP")))
			.extracting(HasMetadata::getMetadata).extracting(metadata -> metadata.getName())
			.containsExactly("api-gateway");
		assertThat(NetworkReachability.allowedSources(rendered)).containsAllEntriesOf(Map.of(
				"api-gateway", Set.of(NetworkReachability.OUTSIDE), "cdc-relay", Set.of("api-gateway")));
		assertThat(NetworkReachability.allowedSources(rendered)).allSatisfy((workload, sources) -> {
			if (!workload.equals("api-gateway")) {
				assertThat(sources).as(workload).doesNotContain(NetworkReachability.OUTSIDE);
			}
		});
	}

	/**
	 * One Kafka broker, alone in its quorum, and every topic with one replica, cdc-relay's included: the overlay
	 * changes the cluster's size in one ConfigMap and the StatefulSet's replicas, and the two agree.
	 */
	@Test
	void runsOneBrokerWhoseTopicsHaveOneReplicaAndABudgetForEveryWorkload() {
		KafkaCluster kafka = KafkaCluster.of(rendered);

		assertThat(kafka.brokers()).isEqualTo(1);
		assertThat(kafka.quorumViolations()).isEmpty();
		assertThat(kafka.replicationViolations("cdc-relay", ProjectManifests.RELAY_REPLICATION_FACTOR,
				ProjectManifests.RELAY_MIN_INSYNC_REPLICAS)).isEmpty();
		assertThat(kafka.property("default.replication.factor")).contains("1");
		assertThat(Availability.disruptionBudgetViolations(rendered)).isEmpty();
	}

	/**
	 * The development identity is the one thing that signs tokens; every resource server fetches its JWK set
	 * from its Service and requires its issuer, and only they may reach it.
	 */
	@Test
	void runsTheDevelopmentIdentityAndPointsEveryResourceServerAtIt() {
		var issuers = new TreeMap<String, String>();
		rendered.workloads().forEach(workload -> PodChecks.containers(workload.template().getSpec())
			.forEach(container -> TokenIssuers.whyIssuing(container, PROJECT_ROOT).ifPresent(why -> issuers.put(workload.name(), why))));
		assertThat(issuers).containsOnlyKeys("identity");

		int port = IdentityImage.load(PROJECT_ROOT).port();
		assertThat(rendered.named(Service.class, "identity")).hasValueSatisfying(service -> assertThat(service.getSpec().getPorts())
			.singleElement().satisfies(servicePort -> assertThat(servicePort.getPort()).isEqualTo(port)));
		var readers = configMapValues(ComposeChecks.JWK_SET_URI_VARIABLE);
		assertThat(readers).containsOnlyKeys("api-gateway", "consumer-service", "order-service", "kitchen-service", "cdc-relay")
			.allSatisfy((workload, uri) -> assertThat(uri).as(workload).isEqualTo("http://identity:" + port + ComposeChecks.JWK_SET_PATH));
		assertThat(configMapValues(ComposeChecks.JWT_ISSUER_VARIABLE)).as("issuer").containsOnlyKeys(readers.keySet())
			.allSatisfy((workload, issuer) -> assertThat(issuer).as(workload).isEqualTo(ComposeChecks.DEVELOPMENT_ISSUER));
		assertThat(NetworkReachability.allowedSources(rendered)).containsEntry("identity", readers.keySet());
	}

	/** Workload to the value its containers get for {@code variable} from a rendered ConfigMap. */
	private static Map<String, String> configMapValues(String variable) {
		var values = new TreeMap<String, String>();
		for (var workload : rendered.workloads()) {
			workload.template().getSpec().getContainers().forEach(container -> ObjectReferences.env(container)
				.filter(env -> env.getName().equals(variable))
				.map(env -> env.getValueFrom().getConfigMapKeyRef())
				.forEach(ref -> values.put(workload.name(), rendered.named(ConfigMap.class, ref.getName())
					.map(ConfigMap::getData).map(data -> data.get(ref.getKey())).orElse("(no such ConfigMap)"))));
		}
		return values;
	}

	private static Set<String> keys(Optional<Map<String, String>> data) {
		return new TreeMap<>(data.orElse(Map.of())).keySet();
	}

	private static Optional<Path> onPath(String command) {
		return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
			.filter(directory -> !directory.isBlank())
			.map(directory -> Path.of(directory, command))
			.filter(Files::isExecutable)
			.findFirst();
	}
}
