package dev.ftgo.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/** docker-compose.yml at the project root keeps the rules of {@link ComposeChecks}. */
class ComposeFileTest {

	static final Path PROJECT_ROOT = projectRoot();
	private static final ComposeFile COMPOSE = ComposeFile.load(PROJECT_ROOT.resolve("docker-compose.yml"));

	@Test
	void validatesAgainstTheComposeSpecification() {
		assertThat(ComposeSchema.load().violations(COMPOSE)).isEmpty();
		assertThat(COMPOSE.root()).as("the obsolete version key").doesNotContainKey("version");
	}

	@Test
	void runsTheWholeSystem() {
		assertThat(servicesWithProfiles(List.of())).containsExactlyInAnyOrder("postgres", "kafka", "service-registry",
				"consumer-service", "order-service", "kitchen-service", "cdc-relay", "api-gateway", "identity");
	}

	@Test
	void observabilityIsOptIn() {
		assertThat(servicesWithProfiles(List.of("observability"))).containsExactlyInAnyOrder("prometheus", "grafana");
		assertThat(ComposeChecks.defaultServicesNeedingAProfile(COMPOSE)).isEmpty();
	}

	@Test
	void everyServiceHasAHealthCheck() {
		assertThat(ComposeChecks.withoutHealthCheck(COMPOSE)).isEmpty();
	}

	@Test
	void dependantsWaitUntilTheirDependenciesAreHealthy() {
		assertThat(ComposeChecks.dependenciesNotAwaitingHealth(COMPOSE)).isEmpty();
	}

	@Test
	void everyEnvironmentVariableIsAPropertyItsApplicationBinds() {
		assertThat(ComposeChecks.unboundEnvironment(COMPOSE, PROJECT_ROOT)).isEmpty();
	}

	@Test
	void everyPublishedPortIsOnLoopbackAndOnlyTheGatewayRegistryIdentityAndOptInToolsArePublished() {
		assertThat(ComposeChecks.unexpectedPublishedPorts(COMPOSE)).isEmpty();
		assertThat(COMPOSE.services().get("api-gateway").ports()).containsExactly("127.0.0.1:8080:8080");
		assertThat(COMPOSE.services().get("service-registry").ports()).containsExactly("127.0.0.1:8761:8761");
		int identity = IdentityImage.load(PROJECT_ROOT).port();
		assertThat(COMPOSE.services().get("identity").ports()).containsExactly("127.0.0.1:" + identity + ":" + identity);
		assertThat(COMPOSE.services().get("grafana").ports()).containsExactly("127.0.0.1:3000:3000");
		assertThat(COMPOSE.services().get("prometheus").ports()).containsExactly("127.0.0.1:9090:9090");
	}

	@Test
	void onlyTheDevelopmentIdentityCanIssueTokens() {
		assertThat(ComposeChecks.tokenIssuers(COMPOSE, PROJECT_ROOT)).containsOnlyKeys("identity");
	}

	@Test
	void theGatewayAndTheServicesVerifyTokensWithTheIdentity() {
		assertThat(ComposeChecks.resourceServersNotVerifyingWith(COMPOSE, PROJECT_ROOT, "identity",
				IdentityImage.load(PROJECT_ROOT).port())).isEmpty();
		for (String variable : List.of(ComposeChecks.JWK_SET_URI_VARIABLE, ComposeChecks.JWT_ISSUER_VARIABLE)) {
			assertThat(COMPOSE.services().values()).filteredOn(service -> service.environment().containsKey(variable))
					.extracting(ComposeFile.Service::name).as(variable)
					.containsExactlyInAnyOrder("api-gateway", "consumer-service", "order-service", "kitchen-service", "cdc-relay");
		}
	}

	@Test
	void everyContainerHasAMemoryLimitAndARestartPolicy() {
		assertThat(ComposeChecks.unboundedOrNotRestarted(COMPOSE)).isEmpty();
	}

	@Test
	void imagesListenWhereTheirApplicationsDoAndServeTheirHealthCheck() {
		assertThat(ComposeChecks.imagesDisagreeingWithTheirApplication(COMPOSE, PROJECT_ROOT)).isEmpty();
	}

	@Test
	void imagesNameNoRegistryHost() {
		assertThat(ComposeChecks.imagesNamingARegistryHost(COMPOSE)).isEmpty();
	}

	@Test
	void everyServiceDatabaseIsCreatedWithAReplicationRole() {
		ComposeFile.Service postgres = COMPOSE.services().get("postgres");
		assertThat(postgres.get("command").orElseThrow()).contains("wal_level=logical")
				.contains("max_slot_wal_keep_size=${FTGO_MAX_SLOT_WAL_KEEP_SIZE:-1GB}");
		assertThat(postgres.get("volumes").orElseThrow())
				.contains("./docker/postgres/init-service-databases.sql:/docker-entrypoint-initdb.d/");
		String init = ConfigFiles.read(PROJECT_ROOT.resolve("docker/postgres/init-service-databases.sql"));
		List<String> databases = COMPOSE.services().values().stream()
				.map(service -> service.environment().get("SPRING_DATASOURCE_URL")).filter(Objects::nonNull)
				.map(url -> url.substring(url.lastIndexOf('/') + 1)).toList();
		assertThat(databases).containsExactlyInAnyOrder("consumer_service", "order_service", "kitchen_service");
		databases.forEach(database -> assertThat(init).contains("CREATE ROLE " + database + " WITH LOGIN REPLICATION",
				"CREATE DATABASE " + database + " OWNER " + database));
	}

	/** The services whose profiles are exactly these: none for those plain {@code docker compose up} starts. */
	private static List<String> servicesWithProfiles(List<String> profiles) {
		return COMPOSE.services().values().stream().filter(service -> service.profiles().equals(profiles))
				.map(ComposeFile.Service::name).toList();
	}

	/** The directory holding the reactor's pom and docker-compose.yml, found from the module's directory. */
	private static Path projectRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No docker-compose.yml above " + Path.of("").toAbsolutePath());
	}
}
