package dev.ftgo.gateway.composition;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The parts of an order a client may ask the gateway to add ({@code ?expand=consumer,ticket}), and
 * where each comes from: the order names its id, a service serves it, and a circuit breaker of its
 * own ({@code expand-<name>}) guards the call.
 */
enum Expansion {

	CONSUMER("consumer", "consumerId", "consumer-service", "/api/v1/consumers/{id}"),
	TICKET("ticket", "ticketId", "kitchen-service", "/api/v1/tickets/{id}");

	private final String field;
	private final String idField;
	private final String service;
	private final String path;

	Expansion(String field, String idField, String service, String path) {
		this.field = field;
		this.idField = idField;
		this.service = service;
		this.path = path;
	}

	/** The name in {@code expand} and the field it fills in the response. */
	String field() {
		return field;
	}

	/** The order's field with the id of this part; null until there is one (a ticket before approval). */
	String idField() {
		return idField;
	}

	String service() {
		return service;
	}

	/** Where to fetch it: {@code http://<service><path>} through the load balancer. */
	String uriTemplate() {
		return "http://" + service + path;
	}

	String breaker() {
		return "expand-" + field;
	}

	/**
	 * Reads every {@code expand} parameter (comma-separated, names case-sensitive, blanks around a
	 * name ignored).
	 *
	 * @throws ResponseStatusException 400 for an empty or unknown name
	 */
	static Set<Expansion> parse(List<String> parameters) {
		var parts = EnumSet.noneOf(Expansion.class);
		for (String parameter : parameters) {
			for (String name : parameter.split(",", -1)) {
				parts.add(named(name.strip()));
			}
		}
		return parts;
	}

	private static Expansion named(String name) {
		return Arrays.stream(values())
			.filter(part -> part.field.equals(name))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"expand takes a comma-separated list of " + allowed() + "; "
							+ (name.isEmpty() ? "an empty name" : "'" + name + "'") + " is not one of them."));
	}

	private static String allowed() {
		return Arrays.stream(values()).map(Expansion::field).collect(Collectors.joining(", "));
	}
}
