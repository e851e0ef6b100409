package dev.ftgo.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import dev.ftgo.deployment.KubernetesManifests.Workload;

/**
 * The manifests of k8s/base and the local overlay, read from their files (no kubectl needed; see
 * {@link KustomizeRenderTest} for the rendered overlay).
 */
class KubernetesManifestsTest {

	static final Path PROJECT_ROOT = projectRoot();
	static final Kustomization BASE = Kustomization.load(PROJECT_ROOT.resolve("k8s/base"));
	static final Kustomization LOCAL = Kustomization.load(PROJECT_ROOT.resolve("k8s/overlays/local"));
	static final KubernetesManifests MANIFESTS = KubernetesManifests.load(BASE.manifestFiles());
	/** Where the base reads the JWK set URI and the issuer of the identity provider from; an overlay generates it. */
	static final String JWK_SET_CONFIG_MAP = "ftgo-security";
	static final String JWK_SET_CONFIG_KEY = "jwk-set-uri";
	static final String JWT_ISSUER_CONFIG_KEY = "jwt-issuer";
	/** The variables cdc-relay's topic settings are read from (RelaySettings.Topics). */
	static final String RELAY_REPLICATION_FACTOR = "FTGO_RELAY_TOPICS_REPLICATIONFACTOR";
	static final String RELAY_MIN_INSYNC_REPLICAS = "FTGO_RELAY_TOPICS_MININSYNCREPLICAS";

	@Test
	void namesOnlyFilesThatExistAndFieldsKustomizeKnows() {
		for (Kustomization kustomization : List.of(BASE, LOCAL)) {
			assertThat(kustomization.unknownFields()).as(kustomization.directory() + " fields").isEmpty();
			assertThat(kustomization.namedFiles()).as(kustomization.directory() + " files").isNotEmpty()
				.allSatisfy(file -> assertThat(Files.isRegularFile(file) || Files.isRegularFile(file.resolve("kustomization.yaml")))
					.as(file + " exists").isTrue());
		}
		assertThat(LOCAL.resources()).containsExactly(BASE.directory(), LOCAL.directory().resolve("identity.yaml"));
	}

	@Test
	void listsEveryManifestOfTheBase() throws IOException {
		try (Stream<Path> files = Files.list(BASE.directory())) {
			var manifests = files.filter(file -> file.toString().endsWith(".yaml"))
				.filter(file -> !file.getFileName().toString().equals("kustomization.yaml")).toList();
			assertThat(BASE.manifestFiles()).as("an unlisted manifest is never applied").containsExactlyInAnyOrderElementsOf(manifests);
		}
	}

	@Test
	void parsesEveryManifestAndPatchWithoutUnknownFields() {
		var patches = KubernetesManifests.load(concat(LOCAL.manifestFiles(), LOCAL.patchFiles()));

		assertThat(MANIFESTS.problems()).isEmpty();
		assertThat(patches.problems()).isEmpty();
		for (Path file : concat(BASE.manifestFiles(), LOCAL.manifestFiles(), LOCAL.patchFiles())) {
			assertThat(KubernetesManifests.load(List.of(file)).all()).as(file + " holds objects").isNotEmpty();
		}
		assertThat(MANIFESTS.all()).extracting(HasMetadata::getKind).contains("Namespace", "ConfigMap", "Service",
				"Deployment", "StatefulSet", "NetworkPolicy");
	}

	@Test
	void patchesOnlyObjectsOfTheBase() {
		for (HasMetadata patch : KubernetesManifests.load(LOCAL.patchFiles()).all()) {
			assertThat(MANIFESTS.all()).as("target of the patch " + patch.getKind() + " " + patch.getMetadata().getName())
				.anyMatch(object -> object.getKind().equals(patch.getKind())
						&& object.getMetadata().getName().equals(patch.getMetadata().getName()));
		}
	}

	@Test
	void runsTheApplicationOnDeploymentsAndTheStoresOnStatefulSets() {
		assertThat(MANIFESTS.all(Deployment.class)).extracting(deployment -> deployment.getMetadata().getName())
			.containsExactlyInAnyOrder("api-gateway", "consumer-service", "order-service", "kitchen-service", "cdc-relay");
		assertThat(MANIFESTS.all(StatefulSet.class)).extracting(set -> set.getMetadata().getName())
			.containsExactlyInAnyOrder("postgres", "kafka");
		assertThat(MANIFESTS.all(StatefulSet.class)).allSatisfy(set -> assertThat(set.getSpec().getVolumeClaimTemplates())
			.as(set.getMetadata().getName() + " keeps its data in a persistent volume").isNotEmpty());
		assertThat(MANIFESTS.workloads()).extracting(Workload::name).as("no registry on Kubernetes")
			.doesNotContain("service-registry");
	}

	@Test
	void givesEveryContainerLivenessAndReadinessProbes() {
		assertThat(PodChecks.withoutProbes(MANIFESTS.workloads())).isEmpty();
		assertThat(PodChecks.springBootAppsNotProbedOnHealthGroups(MANIFESTS.workloads())).isEmpty();
	}

	@Test
	void givesEveryContainerResourceRequestsAndLimits() {
		assertThat(PodChecks.withoutRequestsAndLimits(MANIFESTS.workloads())).isEmpty();
	}

	@Test
	void runsEveryContainerAsNonRootWithAReadOnlyRootFileSystem() {
		assertThat(PodChecks.notRestricted(MANIFESTS.workloads())).isEmpty();
		assertThat(MANIFESTS.all(Namespace.class)).singleElement()
			.satisfies(namespace -> assertThat(namespace.getMetadata().getLabels())
				.contains(entry("pod-security.kubernetes.io/enforce", "restricted")));
	}

	@Test
	void namesImagesWithoutARegistryHost() {
		assertThat(PodChecks.imagesNamingARegistryHostOrNoTag(MANIFESTS.workloads())).isEmpty();
	}

	@Test
	void selectsAnExistingWorkloadWithEveryService() {
		assertThat(ObjectReferences.servicesWithoutWorkload(MANIFESTS)).isEmpty();
	}

	@Test
	void governsEveryStatefulSetByAHeadlessService() {
		for (StatefulSet set : MANIFESTS.all(StatefulSet.class)) {
			assertThat(MANIFESTS.named(Service.class, set.getSpec().getServiceName()))
				.as("governing Service of " + set.getMetadata().getName())
				.hasValueSatisfying(service -> assertThat(service.getSpec().getClusterIP()).isEqualTo("None"));
		}
	}

	/**
	 * Two relays: one streams each source, the other stands by, ready (its readiness group counts a standby engine
	 * as UP) and never restarted for it (liveness is the process's own state), so a rolling update starts the new
	 * pod before an old one goes and hands its sources over.
	 */
	@Test
	void runsTwoRelaysOfWhichTheStandbyStaysReadyAndAlive() {
		Deployment relay = MANIFESTS.named(Deployment.class, "cdc-relay").orElseThrow();
		var properties = ModuleProperties.load(PROJECT_ROOT, "cdc-relay", List.of("kubernetes"));

		assertThat(relay.getSpec().getReplicas()).isEqualTo(2);
		assertThat(relay.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
		assertThat(relay.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
		assertThat(properties.value("management.endpoint.health.group.readiness.include")).hasValueSatisfying(
				include -> assertThat(include.split(",\\s*")).containsExactlyInAnyOrder("readinessState", "engines"));
		assertThat(properties.value("management.endpoint.health.group.liveness.include")).as("liveness: the default,"
				+ " livenessState only").isEmpty();
		assertThat(PodChecks.springBootAppsNotProbedOnHealthGroups(List.of(MANIFESTS.workload("cdc-relay")))).isEmpty();
	}

	/**
	 * Three brokers, each also a controller, the quorum voters naming the three pods by their stable names, and one
	 * replication factor (3) and min.insync.replicas (2) for the internal topics, the broker's defaults and the
	 * topics cdc-relay creates.
	 */
	@Test
	void runsKafkaAsAThreeNodeQuorumReplicatingEveryTopicThreeTimes() {
		KafkaCluster kafka = KafkaCluster.of(MANIFESTS);

		assertThat(kafka.brokers()).isEqualTo(3);
		assertThat(kafka.property("process.roles")).contains("broker,controller");
		assertThat(kafka.quorumViolations()).isEmpty();
		assertThat(kafka.property("controller.quorum.voters"))
				.contains("0@kafka-0.kafka-brokers:9093,1@kafka-1.kafka-brokers:9093,2@kafka-2.kafka-brokers:9093");
		assertThat(kafka.replicationViolations("cdc-relay", RELAY_REPLICATION_FACTOR, RELAY_MIN_INSYNC_REPLICAS)).isEmpty();
		assertThat(kafka.property("default.replication.factor")).contains("3");
		assertThat(kafka.property("min.insync.replicas")).contains("2");
		var relayProfile = ModuleProperties.load(PROJECT_ROOT, "cdc-relay", List.of("kubernetes"));
		assertThat(relayProfile.value("ftgo.relay.topics.replication-factor")).as("the profile, as the base's cluster").contains("3");
		assertThat(relayProfile.value("ftgo.relay.topics.min-insync-replicas")).as("the profile, as the base's cluster").contains("2");
	}

	@Test
	void givesEveryWorkloadADisruptionBudgetThatLetsOnePodGoAtATime() {
		assertThat(Availability.disruptionBudgetViolations(MANIFESTS)).isEmpty();
		assertThat(MANIFESTS.all(PodDisruptionBudget.class)).hasSize(MANIFESTS.workloads().size());
	}

	@Test
	void spreadsTheReplicasOfEveryServiceTheRelayAndKafkaOverNodes() {
		assertThat(Availability.notSpreadOverNodes(MANIFESTS, List.of("api-gateway", "consumer-service", "order-service",
				"kitchen-service", "cdc-relay", "kafka"))).isEmpty();
		assertThat(MANIFESTS.workloads()).filteredOn(workload -> workload.kind().equals("Deployment"))
				.allSatisfy(workload -> assertThat(workload.replicas()).as(workload.name()).isEqualTo(2));
	}

	@Test
	void letsOnlyTheGatewayBeReachedFromOutside() {
		assertThat(MANIFESTS.all(NetworkPolicy.class)).anyMatch(NetworkReachability::isDefaultDenyIngress);
		assertThat(NetworkReachability.allowedSources(MANIFESTS)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"api-gateway", Set.of(NetworkReachability.OUTSIDE),
				"consumer-service", Set.of("api-gateway", "order-service"),
				"kitchen-service", Set.of("api-gateway", "order-service"),
				"order-service", Set.of("api-gateway"),
				"cdc-relay", Set.of("api-gateway"),
				"postgres", Set.of("consumer-service", "order-service", "kitchen-service", "cdc-relay"),
				"kafka", Set.of("consumer-service", "order-service", "kitchen-service", "cdc-relay", "kafka")));
	}

	@Test
	void opensOnlyPortsThePodsListenOn() {
		assertThat(NetworkReachability.portsNobodyListensOn(MANIFESTS)).isEmpty();
	}

	@Test
	void keepsEverySecretValueOutOfTheBase() {
		assertThat(MANIFESTS.all(Secret.class)).isEmpty();
		assertThat(BASE.root()).doesNotContainKey("secretGenerator");
		assertThat(ObjectReferences.literalSecretsInEnvironment(MANIFESTS)).isEmpty();
	}

	@Test
	void generatesEverySecretTheBaseRefersToInTheLocalOverlay() {
		var generated = LOCAL.generated("secretGenerator");
		assertThat(ObjectReferences.secretReferences(MANIFESTS)).isNotEmpty().allSatisfy((name, keys) -> assertThat(generated)
			.as("Secret " + name + " of the local overlay").containsKey(name)
			.hasEntrySatisfying(name, generatedKeys -> assertThat(generatedKeys).containsAll(keys)));
	}

	@Test
	void refersOnlyToConfigMapsThatExistOrTheLocalOverlayGenerates() {
		var configMaps = new TreeMap<String, Set<String>>(BASE.generated("configMapGenerator"));
		configMaps.putAll(LOCAL.generated("configMapGenerator"));
		MANIFESTS.all(ConfigMap.class).forEach(map -> configMaps.put(map.getMetadata().getName(), map.getData().keySet()));
		assertThat(ObjectReferences.configMapReferences(MANIFESTS)).isNotEmpty().allSatisfy((name, keys) -> assertThat(configMaps)
			.as("ConfigMap " + name).containsKey(name)
			.hasEntrySatisfying(name, existing -> assertThat(existing).containsAll(keys)));
	}

	/**
	 * Which identity provider's tokens to accept is the overlay's choice: the base reads its JWK set and its
	 * issuer from a ConfigMap it does not define, and runs nothing that could sign a token.
	 */
	@Test
	void leavesTheIdentityProviderToTheOverlayAndSignsNoTokens() {
		assertThat(MANIFESTS.workloads()).allSatisfy(workload -> PodChecks.containers(workload.template().getSpec())
			.forEach(container -> assertThat(TokenIssuers.whyIssuing(container, PROJECT_ROOT)).as(workload.name()).isEmpty()));
		assertThat(MANIFESTS.named(ConfigMap.class, JWK_SET_CONFIG_MAP)).isEmpty();
		assertThat(BASE.generated("configMapGenerator")).doesNotContainKey(JWK_SET_CONFIG_MAP);
		assertThat(LOCAL.generated("configMapGenerator"))
			.containsEntry(JWK_SET_CONFIG_MAP, Set.of(JWK_SET_CONFIG_KEY, JWT_ISSUER_CONFIG_KEY));

		var readers = readers(ComposeChecks.JWK_SET_URI_VARIABLE);
		assertThat(readers).containsOnlyKeys("api-gateway", "consumer-service", "order-service", "kitchen-service", "cdc-relay")
			.allSatisfy((workload, source) -> assertThat(source).as(workload).isEqualTo(JWK_SET_CONFIG_MAP + "/" + JWK_SET_CONFIG_KEY));
		assertThat(readers(ComposeChecks.JWT_ISSUER_VARIABLE)).as("issuer").containsOnlyKeys(readers.keySet())
			.allSatisfy((workload, source) -> assertThat(source).as(workload).isEqualTo(JWK_SET_CONFIG_MAP + "/" + JWT_ISSUER_CONFIG_KEY));
		assertThat(KubernetesProfilesTest.apps()).filteredOn(app -> ModuleProperties.load(PROJECT_ROOT, app.name(), List.of("kubernetes"))
				.value(ComposeChecks.JWK_SET_URI_PROPERTY).isPresent())
			.extracting(Workload::name).as("resource servers").allSatisfy(name -> {
				assertThat(readers).containsKey(name);
				assertThat(ModuleProperties.load(PROJECT_ROOT, name, List.of("kubernetes")).value(ComposeChecks.JWT_ISSUER_PROPERTY))
					.as(name + " checks the issuer").isPresent();
			});
	}

	/** Workload to the {@code configmap/key} its containers read {@code variable} from. */
	private static Map<String, String> readers(String variable) {
		var readers = new TreeMap<String, String>();
		for (Workload workload : MANIFESTS.workloads()) {
			for (var container : PodChecks.containers(workload.template().getSpec())) {
				ObjectReferences.env(container).filter(env -> env.getName().equals(variable))
					.forEach(env -> readers.put(workload.name(), configMapKey(env)));
			}
		}
		return readers;
	}

	/** {@code configmap/key} for a variable read from a ConfigMap, else how it is set. */
	private static String configMapKey(EnvVar variable) {
		if (variable.getValueFrom() == null || variable.getValueFrom().getConfigMapKeyRef() == null) {
			return "not from a ConfigMap: " + variable;
		}
		return variable.getValueFrom().getConfigMapKeyRef().getName() + "/" + variable.getValueFrom().getConfigMapKeyRef().getKey();
	}

	@SafeVarargs
	private static List<Path> concat(List<Path>... lists) {
		return Stream.of(lists).flatMap(List::stream).toList();
	}

	/** The reactor's root, whether Maven runs in it or in this module. */
	private static Path projectRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.isDirectory(directory.resolve("k8s"))) {
			directory = directory.getParent();
		}
		if (directory == null) {
			throw new IllegalStateException("No k8s/ directory above " + Path.of("").toAbsolutePath());
		}
		return directory;
	}
}
