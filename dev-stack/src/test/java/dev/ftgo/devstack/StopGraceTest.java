package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The stack's SIGTERM grace against what the services do on SIGTERM, read from their settings (their own or the
 * defaults they share), so that a longer drain cannot make the stack kill every service in the middle of its
 * graceful stop.
 */
class StopGraceTest {

	private static final Pattern DRAIN_DELAY = Pattern.compile("(?m)^\\s+drain-delay: (\\d+)s\\s*$");
	// after the drain: the Kafka listeners, Tomcat's graceful shutdown and the context close, which took up to
	// 8 s (stops of 16.7 to 20.0 s with the 12 s drain)
	private static final Duration SHUTDOWN_AFTER_DRAIN = Duration.ofSeconds(8);
	private static final Duration MARGIN = Duration.ofSeconds(5);

	@Test
	void theGraceOutlastsEachServicesDrainAndGracefulShutdown() throws IOException {
		Path root = StackLayout.detect().projectRoot();
		String shared = Files.readString(root.resolve("web-support/src/main/resources/ftgo-service-defaults.yml"));
		for (Component service : Arrays.stream(Component.values()).filter(Component::isService).toList()) {
			String own = Files.readString(root.resolve(service.id()).resolve("src/main/resources/application.yml"));
			// a service's own setting wins over the defaults every service imports
			Matcher drainDelay = DRAIN_DELAY.matcher(own);
			if (!drainDelay.find()) {
				drainDelay = DRAIN_DELAY.matcher(shared);
				assertThat(drainDelay.find()).as(service + "'s ftgo.discovery.drain-delay").isTrue();
			}

			Duration gracefulStop = Duration.ofSeconds(Long.parseLong(drainDelay.group(1))).plus(SHUTDOWN_AFTER_DRAIN);

			assertThat(ManagedProcess.DEFAULT_GRACE).as(service.id()).isGreaterThanOrEqualTo(gracefulStop.plus(MARGIN));
		}
	}
}
