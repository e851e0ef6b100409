package dev.ftgo.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.ftgo.deployment.ComposeFile.Service;

/**
 * The rules docker-compose.yml keeps. Each check answers the violations it finds, one sentence each, so
 * that a test can show a failing check on a bad file as well as a passing one on the real file.
 */
final class ComposeChecks {

	/** The only services reachable from the host: the public API and the Eureka dashboard. */
	static final Set<String> PUBLISHED = Set.of("api-gateway", "service-registry");

	/**
	 * Services reachable from this machine only: the development identity, so that a developer can get
	 * tokens, but no other machine, since it hands out any role.
	 */
	static final Set<String> PUBLISHED_ON_LOOPBACK = Set.of("identity");

	/** The property that makes an application a resource server, and the variable the compose file sets it with. */
	static final String JWK_SET_URI_PROPERTY = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
	static final String JWK_SET_URI_VARIABLE = "FTGO_JWKSETURI";
	static final String JWK_SET_PATH = "/.well-known/jwks.json";
	/**
	 * The issuer a resource server requires, and the variable that sets it. A key may sign for several issuers,
	 * so verifying the signature against the JWK set alone would accept another issuer's tokens.
	 */
	static final String JWT_ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
	static final String JWT_ISSUER_VARIABLE = "FTGO_JWTISSUER";
	/** The {@code iss} of the development identity's tokens (dev-stack's {@code TokenIssuer.ISSUER}). */
	static final String DEVELOPMENT_ISSUER = "ftgo-dev-stack";

	/** Variables an application container may set that are read by the JVM or select profiles. */
	static final Set<String> NOT_IN_APPLICATION_YML = Set.of("JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE");

	private static final Set<String> RESTART_POLICIES = Set.of("always", "unless-stopped", "on-failure");

	private ComposeChecks() {
	}

	static List<String> withoutHealthCheck(ComposeFile compose) {
		return eachService(compose, service -> service.healthCheck().isPresent() ? Stream.empty()
				: Stream.of(service.name() + " has no health check"));
	}

	/** A dependant must start once its dependency is healthy, so the dependency needs a health check. */
	static List<String> dependenciesNotAwaitingHealth(ComposeFile compose) {
		Map<String, Service> services = compose.services();
		return eachService(compose, service -> service.dependsOn().entrySet().stream().flatMap(dependency -> {
			String name = dependency.getKey();
			Optional<String> condition = dependency.getValue();
			String edge = service.name() + " -> " + name;
			if (!services.containsKey(name)) {
				return Stream.of(edge + ": no such service");
			}
			if (condition.isEmpty() || condition.get().equals("service_started")) {
				return Stream.of(edge + ": starts before " + name + " is ready (use condition: service_healthy)");
			}
			if (condition.get().equals("service_healthy") && services.get(name).healthCheck().isEmpty()) {
				return Stream.of(edge + ": waits for health, but " + name + " has no health check");
			}
			return Stream.empty();
		}));
	}

	/**
	 * No dead configuration: every variable set on an application is a property that application binds. The
	 * identity is no Spring application: it takes its settings as command-line options, so none but the JVM's.
	 */
	static List<String> unboundEnvironment(ComposeFile compose, Path projectRoot) {
		return eachService(compose, service -> {
			if (!service.isBuilt()) {
				return Stream.empty();
			}
			if (service.get("build", "dockerfile").filter(TokenIssuers.IDENTITY_DOCKERFILE::equals).isPresent()) {
				return service.environment().keySet().stream().filter(variable -> !variable.equals("JAVA_TOOL_OPTIONS"))
						.map(variable -> service.name() + ": " + variable + " sets nothing; the identity takes its settings"
								+ " as command-line options (" + TokenIssuers.IDENTITY_DOCKERFILE + ")");
			}
			if (service.module().isEmpty()) {
				return Stream.of(service.name() + " is built without a MODULE build argument");
			}
			if (service.definition().containsKey("env_file")) {
				return Stream.of(service.name() + " reads an env_file, which hides its settings from this check");
			}
			Map<String, String> environment = service.environment();
			List<String> profiles = Arrays.stream(environment.getOrDefault("SPRING_PROFILES_ACTIVE", "").split(","))
					.map(String::trim).filter(profile -> !profile.isEmpty()).toList();
			ModuleProperties properties = ModuleProperties.load(projectRoot, service.module().get(), profiles);
			return environment.keySet().stream().filter(variable -> !NOT_IN_APPLICATION_YML.contains(variable))
					.flatMap(variable -> properties.whyUnbound(variable).stream())
					.map(reason -> service.name() + ": " + reason);
		});
	}

	/**
	 * Only {@link #PUBLISHED} reach the host, with one exception: a third-party tool that only an opt-in profile
	 * starts (Prometheus and Grafana, under observability) may publish on 127.0.0.1, for the developer at this
	 * machine. An application built here is held to the first rule whatever its profiles.
	 */
	static List<String> unexpectedPublishedPorts(ComposeFile compose) {
		return eachService(compose, service -> {
			if (service.ports().isEmpty() || PUBLISHED.contains(service.name())) {
				return Stream.empty();
			}
			if (PUBLISHED_ON_LOOPBACK.contains(service.name())) {
				return service.ports().stream().filter(port -> !onLoopback(port))
						.map(port -> service.name() + " publishes " + port + " on every interface; it may publish on 127.0.0.1 only");
			}
			if (!service.isBuilt() && !service.profiles().isEmpty()) {
				return service.ports().stream().filter(port -> !onLoopback(port)).map(port -> service.name() + " publishes "
						+ port + " on every interface; a tool under a profile may publish on 127.0.0.1 only");
			}
			return Stream.of(service.name() + " publishes " + service.ports() + " on the host; only " + PUBLISHED + " may");
		});
	}

	/** Plain {@code docker compose up} starts the services without a profile: none may need one that has a profile. */
	static List<String> defaultServicesNeedingAProfile(ComposeFile compose) {
		Map<String, Service> services = compose.services();
		return eachService(compose, service -> service.profiles().isEmpty() ? service.dependsOn().keySet().stream()
				.filter(name -> services.containsKey(name) && !services.get(name).profiles().isEmpty())
				.map(name -> service.name() + " depends on " + name + ", which only the profiles "
						+ services.get(name).profiles() + " start")
				: Stream.empty());
	}

	private static boolean onLoopback(Object port) {
		return port instanceof Map<?, ?> longSyntax ? "127.0.0.1".equals(String.valueOf(longSyntax.get("host_ip")))
				: String.valueOf(port).startsWith("127.0.0.1:");
	}

	static List<String> unboundedOrNotRestarted(ComposeFile compose) {
		return eachService(compose, service -> {
			List<String> problems = new ArrayList<>();
			if (service.get("deploy", "resources", "limits", "memory").or(() -> service.get("mem_limit")).isEmpty()) {
				problems.add(service.name() + " has no memory limit");
			}
			if (service.get("restart").filter(RESTART_POLICIES::contains).isEmpty()) {
				problems.add(service.name() + " is not restarted when it fails");
			}
			return problems.stream();
		});
	}

	/**
	 * The image docker/Dockerfile builds listens on its PORT build argument (SERVER_PORT): it has to be the
	 * application's own server.port, and a readiness check needs the application's probe groups.
	 */
	static List<String> imagesDisagreeingWithTheirApplication(ComposeFile compose, Path projectRoot) {
		return eachService(compose, service -> service.module().stream().flatMap(module -> {
			ModuleProperties properties = ModuleProperties.load(projectRoot, module, List.of());
			List<String> problems = new ArrayList<>();
			Optional<String> port = properties.value("server.port");
			if (!service.buildArg("PORT").equals(port)) {
				problems.add(service.name() + " builds with PORT " + service.buildArg("PORT").orElse("(none)") + ", but "
						+ module + " has server.port " + port.orElse("(none)"));
			}
			// the probe groups are on by default since Spring Boot 4
			boolean probesReadiness = service.healthCheck().map(String::valueOf).orElse("").contains("/actuator/health/readiness");
			if (probesReadiness && properties.value("management.endpoint.health.probes.enabled").equals(Optional.of("false"))) {
				problems.add(service.name() + " checks /actuator/health/readiness, which " + module + " does not serve"
						+ " (management.endpoint.health.probes.enabled)");
			}
			return problems.stream();
		}));
	}

	/** Service name to why it could sign tokens, for each service that could (only the identity may). */
	static Map<String, String> tokenIssuers(ComposeFile compose, Path projectRoot) {
		Map<String, String> issuers = new LinkedHashMap<>();
		compose.services().values().forEach(service -> TokenIssuers.whyIssuing(service, projectRoot)
				.ifPresent(why -> issuers.put(service.name(), why)));
		return issuers;
	}

	/**
	 * Every resource server (an application whose application.yml reads {@value #JWK_SET_URI_PROPERTY})
	 * fetches the JWK set from {@code identity} on {@code port} and starts once it is healthy. Without the
	 * variable it would ask its own container's 127.0.0.1 and answer every request 401. Its application.yml
	 * checks the issuer ({@value #JWT_ISSUER_PROPERTY}), and {@value #JWT_ISSUER_VARIABLE} names the identity's
	 * next to the JWK set, so that whoever points one at another identity provider sees the other.
	 */
	static List<String> resourceServersNotVerifyingWith(ComposeFile compose, Path projectRoot, String identity, int port) {
		String expected = "http://" + identity + ":" + port + JWK_SET_PATH;
		return eachService(compose, service -> service.module().stream().flatMap(module -> {
			ModuleProperties properties = ModuleProperties.load(projectRoot, module, List.of());
			if (properties.value(JWK_SET_URI_PROPERTY).isEmpty()) {
				return Stream.empty();
			}
			List<String> problems = new ArrayList<>();
			String uri = service.environment().get(JWK_SET_URI_VARIABLE);
			if (!expected.equals(uri)) {
				problems.add(service.name() + " verifies tokens, but " + JWK_SET_URI_VARIABLE + " is "
						+ (uri == null ? "not set" : uri) + ", not " + expected);
			}
			if (properties.value(JWT_ISSUER_PROPERTY).isEmpty()) {
				problems.add(service.name() + " verifies tokens, but " + module + "'s application.yml does not check"
						+ " their issuer (" + JWT_ISSUER_PROPERTY + ")");
			}
			String issuer = service.environment().get(JWT_ISSUER_VARIABLE);
			if (!DEVELOPMENT_ISSUER.equals(issuer)) {
				problems.add(service.name() + " verifies tokens, but " + JWT_ISSUER_VARIABLE + " is "
						+ (issuer == null ? "not set" : issuer) + ", not " + DEVELOPMENT_ISSUER);
			}
			if (!service.dependsOn().getOrDefault(identity, Optional.empty()).equals(Optional.of("service_healthy"))) {
				problems.add(service.name() + " verifies tokens, but does not wait until " + identity + " is healthy");
			}
			return problems.stream();
		}));
	}

	/** Images are named as a user's Docker resolves them; no registry host is written down. */
	static List<String> imagesNamingARegistryHost(ComposeFile compose) {
		return eachService(compose, service -> service.get("image").stream().filter(image -> {
			String first = image.split("/")[0];
			return image.contains("/") && (first.contains(".") || first.contains(":") || first.equals("localhost"));
		}).map(image -> service.name() + " names a registry host in its image " + image));
	}

	private static List<String> eachService(ComposeFile compose, Function<Service, Stream<String>> check) {
		return compose.services().values().stream().flatMap(check).toList();
	}
}
