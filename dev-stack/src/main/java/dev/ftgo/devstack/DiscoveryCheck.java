package dev.ftgo.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway is only useful once it can route, i.e. once discovery has told it about every service.
 * Its {@code /actuator/health} shows the discovery client's {@code "services": [...]} list (with
 * {@code show-details}); the check waits until every started service is in it. Names are compared
 * case-insensitively because Eureka upper-cases application names.
 */
final class DiscoveryCheck {

	private static final long POLL_MILLIS = 500;
	private static final Pattern SERVICE_LIST = Pattern.compile("\"services\"\\s*:\\s*\\[([^\\]]*)]");
	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

	private DiscoveryCheck() {
	}

	static void awaitServices(int gatewayPort, List<Component> services, Duration timeout) {
		URI health = URI.create("http://127.0.0.1:" + gatewayPort + SpringBootApp.HEALTH);
		long deadline = System.nanoTime() + timeout.toNanos();
		String lastBody = "(no answer)";
		while (true) {
			try {
				HttpResponse<String> response = Http.get(health);
				lastBody = response.body();
				Set<String> discovered = discovered(lastBody);
				if (services.stream().allMatch(service -> discovered.contains(service.id()))) {
					return;
				}
			} catch (IOException e) {
				lastBody = "(" + e + ")";
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new StackException("Interrupted while waiting for the gateway to discover services", e);
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new StackException("api-gateway did not see %s through discovery within %d s. GET %s answered: %s"
						.formatted(services, timeout.toSeconds(), health, lastBody));
			}
			pause();
		}
	}

	static Set<String> discovered(String healthBody) {
		Set<String> names = new HashSet<>();
		Matcher lists = SERVICE_LIST.matcher(healthBody);
		while (lists.find()) {
			Matcher quoted = QUOTED.matcher(lists.group(1));
			while (quoted.find()) {
				names.add(quoted.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

	private static void pause() {
		try {
			Thread.sleep(POLL_MILLIS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while waiting for the gateway to discover services", e);
		}
	}
}
