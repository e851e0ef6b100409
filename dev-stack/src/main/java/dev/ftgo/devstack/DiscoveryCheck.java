package dev.ftgo.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway is only useful once it can route, i.e. once discovery has told it about every service.
 * Its {@code /actuator/health} shows the discovery client's {@code "services": [...]} list (with
 * {@code show-details}); the check waits until every started service is in it. When a service runs several
 * instances it also waits until the registry lists each of them as UP, by the instance id every app derives from
 * its port ({@code order-service:localhost:8082}): the gateway's own health does not count instances (its
 * {@code eureka} indicator is off on purpose), and it fetches from that registry every few seconds. Names are
 * compared case-insensitively because Eureka upper-cases application names.
 */
final class DiscoveryCheck {

	private static final long POLL_MILLIS = 500;
	private static final Pattern SERVICE_LIST = Pattern.compile("\"services\"\\s*:\\s*\\[([^\\]]*)]");
	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
	private static final String INSTANCE_ID = "\"instanceId\"";
	private static final Pattern ID_VALUE = Pattern.compile("^\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

	private DiscoveryCheck() {
	}

	/** @param services each service and the ports of its instances */
	static void awaitServices(int gatewayPort, int registryPort, Map<Component, List<Integer>> services, Duration timeout) {
		URI health = URI.create("http://127.0.0.1:" + gatewayPort + SpringBootApp.HEALTH);
		URI registry = URI.create("http://127.0.0.1:" + registryPort + "/eureka/apps");
		boolean scaled = services.values().stream().anyMatch(ports -> ports.size() > 1);
		long deadline = System.nanoTime() + timeout.toNanos();
		String lastBody = "(no answer)";
		while (true) {
			try {
				HttpResponse<String> response = Http.get(health);
				lastBody = response.body();
				if (discovered(lastBody).containsAll(services.keySet().stream().map(Component::id).toList())
						&& (!scaled || registered(Http.getJson(registry).body(), services))) {
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

	/** Whether the registry's {@code GET /eureka/apps} (JSON) has every instance, by its port, and it is UP. */
	static boolean registered(String appsBody, Map<Component, List<Integer>> services) {
		Set<String> up = new HashSet<>();
		String[] instances = appsBody.split(INSTANCE_ID, -1);
		for (int i = 1; i < instances.length; i++) {
			Matcher id = ID_VALUE.matcher(instances[i]);
			Matcher status = STATUS.matcher(instances[i]);
			if (id.find() && status.find() && status.group(1).equals("UP")) {
				up.add(id.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return services.entrySet().stream().allMatch(service -> service.getValue().stream().allMatch(port ->
				up.stream().anyMatch(id -> id.startsWith(service.getKey().id() + ":") && id.endsWith(":" + port))));
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
