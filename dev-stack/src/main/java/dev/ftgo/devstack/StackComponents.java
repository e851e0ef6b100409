package dev.ftgo.devstack;

import java.util.ArrayList;
import java.util.List;

/** Builds each instance with the arguments that wire it to the others. */
final class StackComponents {

	private StackComponents() {
	}

	/** Every component but Kafka, whose brokers come from {@link KafkaCluster}. */
	static ManagedComponent create(Instance instance, StackLayout layout, InstancePorts ports, List<String> extraArgs) {
		Component component = instance.component();
		StackPorts base = ports.base();
		int port = ports.of(instance);
		return switch (component) {
			case IDENTITY -> IdentityServer.withKeyFile(layout.signingKeyFile(), port);
			case POSTGRES -> new PostgresServer(layout.postgresDataDir(), port, layout.logFile(component.id()));
			case KAFKA -> throw new IllegalArgumentException("Kafka's brokers are made by KafkaCluster");
			case SERVICE_REGISTRY -> app(layout, instance, port, SpringBootApp.HEALTH, List.of(jwkSetUri(base)), extraArgs);
			case API_GATEWAY -> app(layout, instance, port, SpringBootApp.READINESS, List.of(eureka(base), jwkSetUri(base)),
					extraArgs);
			case CDC_RELAY -> app(layout, instance, port, SpringBootApp.READINESS, List.of(
					"--ftgo.relay.postgres.port=" + base.postgres(),
					"--ftgo.relay.kafka.bootstrap-servers=" + ports.bootstrapServers(),
					// every copy of a topic on its own broker, a write acknowledged once most copies have it
					"--ftgo.relay.topics.replication-factor=" + ports.scale().replicationFactor(),
					"--ftgo.relay.topics.min-insync-replicas=" + ports.scale().minInsyncReplicas(),
					eureka(base), jwkSetUri(base)), extraArgs);
			case CONSUMER_SERVICE, ORDER_SERVICE, KITCHEN_SERVICE -> app(layout, instance, port, SpringBootApp.READINESS,
					serviceArgs(component, ports), extraArgs);
		};
	}

	private static ManagedProcess app(StackLayout layout, Instance instance, int port, String healthPath, List<String> args,
			List<String> extraArgs) {
		List<String> all = new ArrayList<>(args);
		all.addAll(extraArgs);
		return SpringBootApp.create(layout, instance.component().id(), instance.id(), port, healthPath, all);
	}

	private static List<String> serviceArgs(Component service, InstancePorts ports) {
		String database = service.database();
		return List.of(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + ports.base().postgres() + "/" + database,
				"--spring.datasource.username=" + database,
				"--spring.datasource.password=" + database,
				eureka(ports.base()),
				"--spring.kafka.bootstrap-servers=" + ports.bootstrapServers(),
				jwkSetUri(ports.base()));
	}

	/** Every app gets it, whether it checks tokens today or not: one more that starts to will just work. */
	private static String jwkSetUri(StackPorts ports) {
		return "--ftgo.jwk-set-uri=" + IdentityServer.jwkSetUri(ports.identity());
	}

	private static String eureka(StackPorts ports) {
		return "--eureka.client.service-url.defaultZone=http://127.0.0.1:" + ports.registry() + "/eureka/";
	}
}
