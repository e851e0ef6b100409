package dev.ftgo.relay.engine;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.ftgo.relay.RelaySettings;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	SourceEngines sourceEngines(RelaySettings settings, MeterRegistry meters) {
		var producers = new RelayProducers(settings.kafka());
		// doubles from the initial pause up to the cap, for as long as the engine keeps failing
		var backoff = new ExponentialBackOff(settings.engine().restartInitialBackoff().toMillis(), 2.0);
		backoff.setMaxInterval(settings.engine().restartMaxBackoff().toMillis());
		return new SourceEngines(settings.sources().stream()
				.map(source -> new SourceEngine(source, settings.engine(), producers, backoff,
						meters, Clock.systemUTC()))
				.toList());
	}

	/** One health component per source under {@code engines}, e.g. {@code components.engines.components.order-service}. */
	@Bean
	HealthContributor enginesHealthContributor(SourceEngines engines) {
		Map<String, HealthContributor> perSource = new LinkedHashMap<>();
		engines.engines().forEach(engine -> perSource.put(engine.name(), new EngineHealth(engine)));
		return CompositeHealthContributor.fromMap(perSource);
	}
}
