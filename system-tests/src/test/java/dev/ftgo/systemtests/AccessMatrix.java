package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ftgo.devstack.Stack;
import dev.ftgo.devstack.StackPorts;
import dev.ftgo.devstack.TokenIssuer;

/**
 * The access table of docs/security.md, on a stack of real processes: five callers against every endpoint
 * family, through the gateway, and every refusal sent again straight to the service's own port, where the
 * gateway cannot help. Allowed answers their 2xx; refused answers 403 when the request alone shows it and 404
 * when only the loaded resource does (a search leaves out what the caller may not see: an empty list); no token
 * or a foreign one answers 401 problem+json with
 * {@code WWW-Authenticate: Bearer} everywhere.
 *
 * <p>Within a row the refusals go first and change nothing; the allowed calls follow in the order written,
 * which is what lets a row open or close a restaurant. {@link #run()} returns every cell that disagreed, so
 * one run shows the whole picture.
 */
final class AccessMatrix {

	/** Who calls: the owner of the data, someone of the same role who is not, and the operator. */
	enum Caller {
		ADMIN("admin"), CONSUMER("consumer C"), OTHER_CONSUMER("other consumer"), KITCHEN("kitchen of R"),
		OTHER_KITCHEN("other kitchen");

		private final String label;

		Caller(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}
	}

	private static final Duration FLOW = Duration.ofSeconds(60);
	private static final String ONE_CURRY = "[{\"menuItemId\": \"m1\", \"quantity\": 1}]";
	private static final String MENU = """
			{"menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
			 {"menuItemId": "m2", "name": "Naan", "price": {"amount": "3.00", "currency": "USD"}}]}""";

	private final Stack stack;
	private final Fixtures fixtures;
	private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
	private final String foreignToken = TokenIssuer.generate().admin();
	private final List<String> disagreements = new ArrayList<>();
	private final List<String> table = new ArrayList<>();
	private int requests;

	AccessMatrix(Stack stack, Fixtures fixtures) {
		this.stack = stack;
		this.fixtures = fixtures;
	}

	/** Creates the data, checks every row and returns the cells whose answer was not the table's. */
	List<String> run() {
		var consumer = fixtures.consumer("1000.00");
		var otherConsumer = fixtures.consumer("1000.00");
		var restaurant = fixtures.restaurant();
		var otherRestaurant = fixtures.restaurant();
		TokenIssuer issuer = stack.tokens();
		tokens.put(Caller.ADMIN, issuer.admin());
		tokens.put(Caller.CONSUMER, issuer.consumer(UUID.fromString(consumer)));
		tokens.put(Caller.OTHER_CONSUMER, issuer.consumer(UUID.fromString(otherConsumer)));
		tokens.put(Caller.KITCHEN, issuer.kitchen(UUID.fromString(restaurant)));
		tokens.put(Caller.OTHER_KITCHEN, issuer.kitchen(UUID.fromString(otherRestaurant)));
		// one order to read, one to cancel in each version: cancelling needs APPROVED, reading does not care
		var order = approvedOrder(consumer, restaurant);
		var toCancel = approvedOrder(consumer, restaurant);
		var toCancelInV2 = approvedOrder(consumer, restaurant);
		var ticket = fixtures.asAdmin().get("/api/v1/orders/" + order).json().get("ticketId").asString();

		consumers(consumer, otherConsumer);
		orders(consumer, restaurant, order, toCancel, toCancelInV2);
		tickets(order, ticket);
		restaurants(restaurant);

		System.out.printf("%n[figures] access matrix: %d requests; through the gateway (direct to the service)%n%s%n",
				requests, String.join("\n", table));
		return disagreements;
	}

	private void consumers(String consumer, String other) {
		var path = "/api/v1/consumers";
		row("POST", path, "POST " + path, """
				{"name": {"firstName": "Grace", "lastName": "Hopper"}, "email": "grace@example.com"}""")
				.refused(Caller.CONSUMER, 403).refused(Caller.OTHER_CONSUMER, 403).refused(Caller.KITCHEN, 403)
				.refused(Caller.OTHER_KITCHEN, 403).allowed(Caller.ADMIN, 201).check();
		for (var suffix : List.of("", "/notifications")) {
			row("GET", path + "/" + consumer + suffix, "GET " + path + "/{C}" + suffix, null)
					.refused(Caller.OTHER_CONSUMER, 403).refused(Caller.KITCHEN, 403).refused(Caller.OTHER_KITCHEN, 403)
					.allowed(Caller.ADMIN, 200).allowed(Caller.CONSUMER, 200).check();
		}
		row("POST", path + "/" + consumer + "/order-validations", "POST " + path + "/{C}/order-validations",
				"{\"orderTotal\": {\"amount\": \"12.50\", \"currency\": \"USD\"}}")
				.refused(Caller.OTHER_CONSUMER, 403).refused(Caller.KITCHEN, 403).refused(Caller.OTHER_KITCHEN, 403)
				.allowed(Caller.ADMIN, 200).allowed(Caller.CONSUMER, 200).check();
		// on the other consumer, who never orders here; not even a consumer may suspend itself
		for (var change : List.of("suspend", "reactivate")) {
			row("POST", path + "/" + other + "/" + change, "POST " + path + "/{other}/" + change, null)
					.refused(Caller.CONSUMER, 403).refused(Caller.OTHER_CONSUMER, 403).refused(Caller.KITCHEN, 403)
					.refused(Caller.OTHER_KITCHEN, 403).allowed(Caller.ADMIN, 200).check();
		}
	}

	private void orders(String consumer, String restaurant, String order, String toCancel, String toCancelInV2) {
		for (var version : List.of("v1", "v2")) {
			var path = "/api/" + version + "/orders";
			row("POST", path, "POST " + path + " {consumerId: C}", """
					{"consumerId": "%s", "restaurantId": "%s", "%s": %s}""".formatted(consumer, restaurant,
					version.equals("v1") ? "lineItems" : "items", ONE_CURRY))
					.refused(Caller.ADMIN, 403).refused(Caller.OTHER_CONSUMER, 403).refused(Caller.KITCHEN, 403)
					.refused(Caller.OTHER_KITCHEN, 403).allowed(Caller.CONSUMER, 201).check();
			row("GET", path + "/" + order, "GET " + path + "/{C's order}", null)
					.refused(Caller.OTHER_CONSUMER, 404).refused(Caller.KITCHEN, 403).refused(Caller.OTHER_KITCHEN, 403)
					.allowed(Caller.ADMIN, 200).allowed(Caller.CONSUMER, 200).check();
			row("GET", path + "?consumerId=" + consumer, "GET " + path + "?consumerId=C", null)
					.refused(Caller.OTHER_CONSUMER, 403).refused(Caller.KITCHEN, 403).refused(Caller.OTHER_KITCHEN, 403)
					.allowed(Caller.ADMIN, 200).allowed(Caller.CONSUMER, 200).check();
			// composition is the gateway's own: the service has no ?expand= to bypass it with
			row("GET", path + "/" + order + "?expand=consumer,ticket", "GET " + path + "/{C's order}?expand=consumer,ticket",
					null).gatewayOnly()
					.refused(Caller.OTHER_CONSUMER, 404).refused(Caller.KITCHEN, 403).refused(Caller.OTHER_KITCHEN, 403)
					.allowed(Caller.ADMIN, 200).allowed(Caller.CONSUMER, 200).check();
			var cancelled = version.equals("v1") ? toCancel : toCancelInV2;
			row("POST", path + "/" + cancelled + "/cancel", "POST " + path + "/{C's order}/cancel", null)
					.refused(Caller.ADMIN, 403).refused(Caller.OTHER_CONSUMER, 404).refused(Caller.KITCHEN, 403)
					.refused(Caller.OTHER_KITCHEN, 403).allowed(Caller.CONSUMER, 202).check();
		}
	}

	private void tickets(String order, String ticket) {
		var path = "/api/v1/tickets";
		row("GET", path + "/" + ticket, "GET " + path + "/{ticket of C's order at R}", null)
				.refused(Caller.OTHER_CONSUMER, 404).refused(Caller.OTHER_KITCHEN, 404)
				.allowed(Caller.ADMIN, 200).allowed(Caller.CONSUMER, 200).allowed(Caller.KITCHEN, 200).check();
		row("GET", path + "?orderId=" + order, "GET " + path + "?orderId={C's order at R}", null)
				.listsNothingTo(Caller.OTHER_CONSUMER).listsNothingTo(Caller.OTHER_KITCHEN)
				.allowed(Caller.ADMIN, 200).allowed(Caller.CONSUMER, 200).allowed(Caller.KITCHEN, 200).check();
		var readyBy = "{\"readyBy\": \"" + Instant.now().plus(Duration.ofMinutes(30)) + "\"}";
		for (var transition : List.of("accept", "preparing", "ready", "picked-up")) {
			row("POST", path + "/" + ticket + "/" + transition, "POST " + path + "/{ticket at R}/" + transition,
					transition.equals("accept") ? readyBy : null)
					.refused(Caller.ADMIN, 403).refused(Caller.CONSUMER, 403).refused(Caller.OTHER_CONSUMER, 403)
					.refused(Caller.OTHER_KITCHEN, 404).allowed(Caller.KITCHEN, 200).check();
		}
	}

	private void restaurants(String restaurant) {
		var path = "/api/v1/restaurants";
		row("POST", path, "POST " + path, """
				{"name": "Ajanta", "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}}]}""")
				.refused(Caller.CONSUMER, 403).refused(Caller.OTHER_CONSUMER, 403).refused(Caller.KITCHEN, 403)
				.refused(Caller.OTHER_KITCHEN, 403).allowed(Caller.ADMIN, 201).check();
		row("GET", path + "/" + restaurant, "GET " + path + "/{R}", null)
				.allowed(Caller.ADMIN, 200).allowed(Caller.CONSUMER, 200).allowed(Caller.OTHER_CONSUMER, 200)
				.allowed(Caller.KITCHEN, 200).allowed(Caller.OTHER_KITCHEN, 200).check();
		row("PUT", path + "/" + restaurant + "/menu", "PUT " + path + "/{R}/menu", MENU)
				.refused(Caller.CONSUMER, 403).refused(Caller.OTHER_CONSUMER, 403).refused(Caller.OTHER_KITCHEN, 403)
				.allowed(Caller.ADMIN, 200).allowed(Caller.KITCHEN, 200).check();
		// each change only from the state before it: close, open, close, open, by the admin and by the staff
		var close = path + "/" + restaurant + "/close";
		var open = path + "/" + restaurant + "/open";
		row("POST", close, "POST " + path + "/{R}/close", null)
				.refused(Caller.CONSUMER, 403).refused(Caller.OTHER_CONSUMER, 403).refused(Caller.OTHER_KITCHEN, 403)
				.allowed(Caller.ADMIN, 200).check();
		row("POST", open, "POST " + path + "/{R}/open", null)
				.refused(Caller.CONSUMER, 403).refused(Caller.OTHER_CONSUMER, 403).refused(Caller.OTHER_KITCHEN, 403)
				.allowed(Caller.KITCHEN, 200).check();
		row("POST", close, "POST " + path + "/{R}/close (again)", null).allowed(Caller.KITCHEN, 200).check();
		row("POST", open, "POST " + path + "/{R}/open (again)", null).allowed(Caller.ADMIN, 200).check();
	}

	private String approvedOrder(String consumer, String restaurant) {
		var placed = fixtures.placeOrder(consumer, restaurant, ONE_CURRY);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		var orderId = placed.json().get("orderId").asString();
		await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).until(() -> "APPROVED"
				.equals(fixtures.asAdmin().get("/api/v1/orders/" + orderId).json().get("state").asString()));
		return orderId;
	}

	private AccessRow row(String method, String path, String label, String body) {
		return new AccessRow(this, new AccessRow.Request(method, path, body), label);
	}

	StackPorts ports() {
		return stack.ports();
	}

	String authorization(Caller caller) {
		return "Bearer " + tokens.get(caller);
	}

	String foreignAuthorization() {
		return "Bearer " + foreignToken;
	}

	void countRequest() {
		requests++;
	}

	/** A cell whose answer was not the table's. */
	void disagreement(String cell) {
		disagreements.add(cell);
	}

	/** A row's line of the table the run prints. */
	void tabulate(String line) {
		table.add(line);
	}
}
