package dev.ftgo.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.ftgo.deployment.ComposeFile.Service;

/**
 * What lets {@code docker compose up --scale <service>=N} run N instances of a service side by side: no fixed
 * container name (two containers cannot share one), no published port (two cannot bind the same host port), no
 * volume (they would share or fight over its data), no fixed host name, and a Eureka registration under each
 * instance's own address: the instance id holds the host name, so instances registered under one fixed name
 * replace each other in the registry and callers see a single one.
 */
final class ComposeScaling {

	/** The services run with several instances: the business services and the outbox relay. */
	static final Set<String> SCALABLE = Set.of("consumer-service", "order-service", "kitchen-service", "cdc-relay");

	/** What a service registering with Eureka sets its host name to: its container's address, as Spring Cloud finds it. */
	static final String PER_INSTANCE_HOST_NAME = "$${spring.cloud.client.ip-address}";
	static final String REGISTRY_URL_VARIABLE = "FTGO_REGISTRYURL";
	static final String HOST_NAME_VARIABLE = "EUREKA_INSTANCE_HOSTNAME";

	private ComposeScaling() {
	}

	/** One sentence per reason a service of {@code scalable} could not run twice. */
	static List<String> notScalable(ComposeFile compose, Set<String> scalable) {
		return compose.services().values().stream().filter(service -> scalable.contains(service.name()))
				.flatMap(ComposeScaling::whyNotScalable).toList();
	}

	/** Services of {@code scalable} that the compose file does not define: a renamed service would escape the check. */
	static List<String> missing(ComposeFile compose, Set<String> scalable) {
		return scalable.stream().filter(name -> !compose.services().containsKey(name)).sorted()
				.map(name -> name + " is no service of the compose file").toList();
	}

	private static Stream<String> whyNotScalable(Service service) {
		List<String> problems = new ArrayList<>();
		String name = service.name();
		service.get("container_name").ifPresent(fixed -> problems.add(name + " has the fixed container name " + fixed));
		if (!service.ports().isEmpty()) {
			problems.add(name + " publishes " + service.ports() + ": a second instance could not bind the same host port");
		}
		service.get("volumes").ifPresent(volumes -> problems.add(name + " mounts " + volumes + ": its instances would share it"));
		service.get("hostname").ifPresent(fixed -> problems.add(name + " has the fixed host name " + fixed));
		String hostName = service.environment().get(HOST_NAME_VARIABLE);
		if (service.environment().containsKey(REGISTRY_URL_VARIABLE) && !PER_INSTANCE_HOST_NAME.equals(hostName)) {
			problems.add(name + " registers with Eureka as " + (hostName == null ? "localhost (the application's default)"
					: hostName) + ", the same for every instance; set " + HOST_NAME_VARIABLE + " to " + PER_INSTANCE_HOST_NAME);
		}
		return problems.stream();
	}
}
