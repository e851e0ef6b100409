package dev.ftgo.devstack;

import java.util.Arrays;
import java.util.Optional;

/** The parts of the local stack, declared in start order (they are stopped in reverse). */
public enum Component {

	/** In the launcher's JVM: the JWK set every app verifies tokens with, and a token endpoint for development. */
	IDENTITY("identity", "identity-port"),
	POSTGRES("postgres", "postgres-port"),
	KAFKA("kafka", "kafka-port"),
	SERVICE_REGISTRY("service-registry", "registry-port"),
	CONSUMER_SERVICE("consumer-service", "consumer-port"),
	ORDER_SERVICE("order-service", "order-port"),
	KITCHEN_SERVICE("kitchen-service", "kitchen-port"),
	CDC_RELAY("cdc-relay", "relay-port"),
	API_GATEWAY("api-gateway", "gateway-port");

	static final int LAST_STAGE = 3;

	private final String id;
	private final String portOption;

	Component(String id, String portOption) {
		this.id = id;
		this.portOption = portOption;
	}

	/** The name users see: module, log file, Eureka application name. */
	public String id() {
		return id;
	}

	/** The CLI option (without dashes) that sets this component's port. */
	public String portOption() {
		return portOption;
	}

	/**
	 * When the component starts: those of a stage start together once the previous stage is healthy,
	 * and stop together in reverse.
	 */
	public int stage() {
		return switch (this) {
			// first in, last out: an app may fetch the JWK set any time it sees its first token
			case IDENTITY, POSTGRES, KAFKA -> 0;
			case SERVICE_REGISTRY -> 1;
			case CONSUMER_SERVICE, ORDER_SERVICE, KITCHEN_SERVICE -> 2;
			// after the services: their migrations create the outbox tables the relay's publications name
			case CDC_RELAY, API_GATEWAY -> LAST_STAGE;
		};
	}

	/** A business service: owns a database and registers with Eureka. */
	public boolean isService() {
		return this == CONSUMER_SERVICE || this == ORDER_SERVICE || this == KITCHEN_SERVICE;
	}

	/** The service's database, which is also its login role and password. */
	public String database() {
		if (!isService()) {
			throw new IllegalStateException(id + " has no database of its own");
		}
		return id.replace('-', '_');
	}

	public static Optional<Component> byId(String id) {
		return Arrays.stream(values()).filter(component -> component.id.equals(id)).findFirst();
	}

	@Override
	public String toString() {
		return id;
	}
}
