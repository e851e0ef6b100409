package dev.ftgo.relay.engine;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the engine streams, or stands by while another relay instance streams the source ({@code state} says
 * which); DOWN, with its last error, while it starts, fails or waits to be recreated.
 */
final class EngineHealth implements HealthIndicator {

	private final SourceEngine engine;

	EngineHealth(SourceEngine engine) {
		this.engine = engine;
	}

	@Override
	public Health health() {
		EngineStatus status = engine.status();
		// a standby instance is healthy: it is ready to take over, and another one streams
		Health.Builder health = status.state() == EngineStatus.State.RUNNING || status.state() == EngineStatus.State.STANDBY
				? Health.up() : Health.down();
		health.withDetail("state", status.state())
				.withDetail("since", status.since().toString())
				.withDetail("database", engine.source().database())
				.withDetail("slot", engine.source().slotName())
				.withDetail("restarts", status.restarts());
		if (status.slotLostAt() != null) {
			health.withDetail("slotLostAt", status.slotLostAt().toString());
		}
		if (status.lastError() != null) {
			health.withDetail("lastError", status.lastError()).withDetail("lastErrorAt", status.lastErrorAt().toString());
		}
		return health.build();
	}
}
