package dev.ftgo.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway is only useful once it can route, i.e. once discovery has told it about every service.
 * Its {@code /actuator/health} shows the discovery client's {@code "services": [...]} list (with
 * {@code show-details}); the check waits until every started service is in it. Of a service that runs several
 * instances it waits until the gateway's Eureka client counts them all ({@code "applications": {"ORDER-SERVICE":
 * 2}}), so that requests are spread over every instance from the start. Names are compared case-insensitively
 * because Eureka upper-cases application names.
 */
final class DiscoveryCheck {

	private static final long POLL_MILLIS = 500;
	private static final Pattern SERVICE_LIST = Pattern.compile("\"services\"\\s*:\\s*\\[([^\\]]*)]");
	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
	private static final Pattern APPLICATIONS = Pattern.compile("\"applications\"\\s*:\\s*\\{([^}]*)}");
	private static final Pattern COUNT = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\\d+)");

	private DiscoveryCheck() {
	}

	/** @param services each service and how many of its instances run */
	static void awaitServices(int gatewayPort, Map<Component, Integer> services, Duration timeout) {
		URI health = URI.create("http://127.0.0.1:" + gatewayPort + SpringBootApp.HEALTH);
		long deadline = System.nanoTime() + timeout.toNanos();
		String lastBody = "(no answer)";
		while (true) {
			try {
				HttpResponse<String> response = Http.get(health);
				lastBody = response.body();
				if (sees(lastBody, services)) {
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
						.formatted(expected(services), timeout.toSeconds(), health, lastBody));
			}
			pause();
		}
	}

	static boolean sees(String healthBody, Map<Component, Integer> services) {
		Set<String> discovered = discovered(healthBody);
		Map<String, Integer> instances = instances(healthBody);
		return services.entrySet().stream().allMatch(service -> discovered.contains(service.getKey().id())
				&& (service.getValue() == 1 || instances.getOrDefault(service.getKey().id(), 0) >= service.getValue()));
	}

	private static String expected(Map<Component, Integer> services) {
		return services.entrySet().stream()
				.map(service -> service.getKey().id() + (service.getValue() > 1 ? " (" + service.getValue() + " instances)" : ""))
				.toList().toString();
	}

	/** The number of instances per application that the gateway's Eureka client knows, by lower-case name. */
	static Map<String, Integer> instances(String healthBody) {
		Map<String, Integer> counts = new HashMap<>();
		Matcher objects = APPLICATIONS.matcher(healthBody);
		while (objects.find()) {
			Matcher count = COUNT.matcher(objects.group(1));
			while (count.find()) {
				counts.put(count.group(1).toLowerCase(Locale.ROOT), Integer.parseInt(count.group(2)));
			}
		}
		return counts;
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
