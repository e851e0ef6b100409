package dev.ftgo.devstack;

import java.util.ArrayList;
import java.util.List;

/** Builds each component with the arguments that wire it to the others. */
final class StackComponents {

	private StackComponents() {
	}

	static ManagedComponent create(Component component, StackLayout layout, StackPorts ports, List<String> extraArgs) {
		return switch (component) {
			case IDENTITY -> IdentityServer.withKeyFile(layout.signingKeyFile(), ports.identity());
			case POSTGRES -> new PostgresServer(layout.postgresDataDir(), ports.postgres(), layout.logFile(component.id()));
			case KAFKA -> new KafkaBroker(layout.kafkaDataDir(), ports.kafka(), ports.kafkaController(),
					layout.kafkaLib(), layout.runDir());
			case SERVICE_REGISTRY -> SpringBootApp.create(layout, component.id(), ports.registry(), SpringBootApp.HEALTH,
					concat(List.of(jwkSetUri(ports)), extraArgs));
			case API_GATEWAY -> SpringBootApp.create(layout, component.id(), ports.gateway(), SpringBootApp.READINESS,
					concat(List.of(eureka(ports), jwkSetUri(ports)), extraArgs));
			case CDC_RELAY -> SpringBootApp.create(layout, component.id(), ports.relay(), SpringBootApp.READINESS,
					concat(List.of("--ftgo.relay.postgres.port=" + ports.postgres(),
							"--ftgo.relay.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(), eureka(ports), jwkSetUri(ports)),
							extraArgs));
			case CONSUMER_SERVICE, ORDER_SERVICE, KITCHEN_SERVICE -> SpringBootApp.create(layout, component.id(),
					ports.of(component), SpringBootApp.READINESS, concat(serviceArgs(component, ports), extraArgs));
		};
	}

	private static List<String> serviceArgs(Component service, StackPorts ports) {
		String database = service.database();
		return List.of(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + database,
				"--spring.datasource.username=" + database,
				"--spring.datasource.password=" + database,
				eureka(ports),
				"--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
				jwkSetUri(ports));
	}

	/** Every app gets it, whether it checks tokens today or not: one more that starts to will just work. */
	private static String jwkSetUri(StackPorts ports) {
		return "--ftgo.jwk-set-uri=" + IdentityServer.jwkSetUri(ports.identity());
	}

	private static String eureka(StackPorts ports) {
		return "--eureka.client.service-url.defaultZone=http://127.0.0.1:" + ports.registry() + "/eureka/";
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}
}
