package dev.ftgo.gateway.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import dev.ftgo.security.Caller;
import dev.ftgo.security.Role;

import reactor.core.publisher.Mono;

/**
 * The gateway's share of the access rules: what the request alone shows. A role that may never use
 * an operation, or another consumer's or restaurant's id in the path or query, is refused here (403)
 * before any service is called. What only the loaded resource shows (whose order, whose ticket) and
 * what the body says is left to the services, which apply the whole table again.
 * <p>
 * An operation not listed is refused: a new endpoint is closed at the edge until it gets a rule.
 */
final class GatewayAccessPolicy implements ReactiveAuthorizationManager<AuthorizationContext> {

	/** Exchange attribute holding why a request was refused, for the 403 problem's detail. */
	static final String REFUSAL = GatewayAccessPolicy.class.getName() + ".refusal";

	private static final Access ADMIN = Access.role("admins", Caller::isAdmin);
	private static final Access CONSUMERS = Access.role("consumers", caller -> caller.hasRole(Role.CONSUMER));
	private static final Access KITCHEN = Access.role("kitchen staff", caller -> caller.hasRole(Role.KITCHEN));
	private static final Access SIGNED_IN = ADMIN.or(CONSUMERS).or(KITCHEN);

	private static final Access CONSUMER_IN_PATH = new Access("the consumer named in the path",
			(caller, request) -> caller.isConsumer(id(request.path().get("consumerId"))));
	private static final Access STAFF_OF_RESTAURANT_IN_PATH = new Access("staff of the restaurant named in the path",
			(caller, request) -> caller.worksAt(id(request.path().get("restaurantId"))));
	private static final Access CONSUMER_IN_QUERY = new Access("the consumer given as ?consumerId=",
			(caller, request) -> {
				var asked = request.query().get("consumerId");
				return asked != null && !asked.isEmpty() && asked.stream().allMatch(consumerId -> caller.isConsumer(id(consumerId)));
			});

	private static final PathPatternParser PATHS = new PathPatternParser();

	private final List<Rule> rules = List.of(
			rule(POST, "/api/v1/consumers", ADMIN),
			rule(GET, "/api/v1/consumers/{consumerId}", ADMIN.or(CONSUMER_IN_PATH)),
			rule(GET, "/api/v1/consumers/{consumerId}/notifications", ADMIN.or(CONSUMER_IN_PATH)),
			rule(POST, "/api/v1/consumers/{consumerId}/{change:suspend|reactivate}", ADMIN),
			// order-service relays its caller's token to this one
			rule(POST, "/api/v1/consumers/{consumerId}/order-validations", ADMIN.or(CONSUMER_IN_PATH)),

			rule(POST, "/api/v1/restaurants", ADMIN),
			rule(GET, "/api/v1/restaurants/{restaurantId}", SIGNED_IN),
			rule(PUT, "/api/v1/restaurants/{restaurantId}/menu", ADMIN.or(STAFF_OF_RESTAURANT_IN_PATH)),
			rule(POST, "/api/v1/restaurants/{restaurantId}/{change:open|close}", ADMIN.or(STAFF_OF_RESTAURANT_IN_PATH)),

			// whose ticket it is shows only once it is loaded: kitchen-service answers 404 for others'
			rule(GET, "/api/v1/tickets", SIGNED_IN),
			rule(GET, "/api/v1/tickets/{ticketId}", SIGNED_IN),
			rule(POST, "/api/v1/tickets/{ticketId}/{change:accept|preparing|ready|picked-up}", KITCHEN),

			// the body's consumerId is order-service's to check
			rule(POST, "/api/{version:v1|v2}/orders", CONSUMERS),
			rule(GET, "/api/{version:v1|v2}/orders", ADMIN.or(CONSUMER_IN_QUERY)),
			// also ?expand= (API composition in the gateway); whose order it is shows once loaded
			rule(GET, "/api/{version:v1|v2}/orders/{orderId}", ADMIN.or(CONSUMERS)),
			rule(POST, "/api/{version:v1|v2}/orders/{orderId}/cancel", CONSUMERS),

			// the dead-letter topics, served by cdc-relay: operators only
			rule(GET, "/api/v1/admin/dead-letters/**", ADMIN),
			rule(POST, "/api/v1/admin/dead-letters/**", ADMIN));

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		return authentication.filter(JwtAuthenticationToken.class::isInstance)
			.cast(JwtAuthenticationToken.class)
			.filter(Authentication::isAuthenticated)
			.map(token -> decide(Caller.of(token.getToken()), context.getExchange()))
			// no token: refused, and Spring Security answers 401 rather than 403
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	private AuthorizationResult decide(Caller caller, ServerWebExchange exchange) {
		var request = exchange.getRequest();
		var method = HttpMethod.HEAD.equals(request.getMethod()) ? GET : request.getMethod();
		var path = request.getPath().pathWithinApplication();
		for (Rule rule : rules) {
			if (!rule.method().equals(method)) {
				continue;
			}
			var match = rule.pattern().matchAndExtract(path);
			if (match == null) {
				continue;
			}
			if (rule.access().test(caller, new Request(match.getUriVariables(), request.getQueryParams()))) {
				return new AuthorizationDecision(true);
			}
			return refuse(exchange, method + " " + rule.pattern() + " is open to " + rule.access().who() + " only.");
		}
		return refuse(exchange, method + " " + path.value() + " is not an operation the gateway lets through.");
	}

	/** An id of the path or query; {@code null}, which names nobody, for one that is not a UUID. */
	private static UUID id(String value) {
		try {
			return value == null ? null : UUID.fromString(value);
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}

	private static AuthorizationDecision refuse(ServerWebExchange exchange, String reason) {
		exchange.getAttributes().put(REFUSAL, reason);
		return new AuthorizationDecision(false);
	}

	private static Rule rule(HttpMethod method, String pattern, Access access) {
		return new Rule(method, PATHS.parse(pattern), access);
	}

	private record Rule(HttpMethod method, PathPattern pattern, Access access) {
	}

	private record Request(Map<String, String> path, MultiValueMap<String, String> query) {
	}

	/** Who may use an operation, and how a refusal names them. */
	private record Access(String who, Check check) {

		static Access role(String who, Predicate<Caller> role) {
			return new Access(who, (caller, request) -> role.test(caller));
		}

		boolean test(Caller caller, Request request) {
			return check.test(caller, request);
		}

		Access or(Access other) {
			return new Access(who + " or " + other.who, (caller, request) -> test(caller, request) || other.test(caller, request));
		}
	}

	@FunctionalInterface
	private interface Check {

		boolean test(Caller caller, Request request);
	}
}
