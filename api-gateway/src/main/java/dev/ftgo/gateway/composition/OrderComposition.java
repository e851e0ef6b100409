package dev.ftgo.gateway.composition;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;

import dev.ftgo.gateway.edge.ServiceUnavailable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API composition: an order with the consumer and the ticket it refers to, in one answer. The order
 * comes first (its answer decides: a 404 or 403 from order-service is the answer); then the parts
 * asked for, all at once, each behind its own circuit breaker and time limit. A part that cannot be
 * had is {@code null} and named in {@code unavailable}: the client still gets the order.
 * <p>
 * Every call carries the caller's token, so each service applies its own access rules; the trace
 * context goes along through the WebClient's observation.
 */
@Component
class OrderComposition {

	private static final Logger log = LoggerFactory.getLogger(OrderComposition.class);
	private static final String ORDER_SERVICE = "order-service";
	static final String METRIC = "gateway.composition.requests";

	/** What the gateway answers: order-service's own answer when it was not a success, or the composed order. */
	sealed interface Result permits Relayed, Composed {
	}

	record Relayed(HttpStatusCode status, MediaType contentType, byte[] body) implements Result {
	}

	record Composed(ObjectNode order) implements Result {
	}

	private record Part(Expansion expansion, JsonNode value, boolean unavailable) {

		static Part of(Expansion expansion, JsonNode value) {
			return new Part(expansion, value, false);
		}

		static Part missing(Expansion expansion) {
			return new Part(expansion, NullNode.getInstance(), true);
		}
	}

	private final WebClient services;
	private final ReactiveCircuitBreakerFactory<?, ?> breakers;
	private final JsonMapper json;

	OrderComposition(WebClient.Builder webClient, HttpClient gatewayHttpClient,
			LoadBalancedExchangeFilterFunction loadBalancer, ReactiveCircuitBreakerFactory<?, ?> breakers, JsonMapper json) {
		// a copy of Boot's builder (codecs, observation) with service names resolved by the load balancer;
		// the shared builder stays as it is, the Eureka client calls the registry through it.
		// The routes' HTTP client: their connection pool and settings (spring.cloud.gateway.server.webflux.httpclient),
		// among them the idle time that keeps a connection the service is closing from being reused.
		// Metrics under a name of their own: Prometheus refuses a second "http.client.requests" with other
		// tags than the routes' (whichever registers first would win, the other would be lost).
		this.services = webClient.clone()
			.clientConnector(new ReactorClientHttpConnector(gatewayHttpClient))
			.filter(loadBalancer)
			.observationConvention(new DefaultClientRequestObservationConvention(METRIC))
			.build();
		this.breakers = breakers;
		this.json = json;
	}

	Mono<Result> compose(String version, String orderId, Set<Expansion> parts, String authorization) {
		var order = services.get()
			.uri("http://" + ORDER_SERVICE + "/api/{version}/orders/{orderId}", version, orderId)
			.headers(headers -> relay(headers, authorization))
			.exchangeToMono(OrderComposition::relayed);
		// the route's breaker: when it is open for the route it is open here too
		return breakers.create(ORDER_SERVICE)
			.run(order, failure -> Mono.error(ServiceUnavailable.because(ORDER_SERVICE, failure)))
			.flatMap(answer -> answer.status().is2xxSuccessful()
					? withParts(read(answer), parts, authorization)
					: Mono.just(answer));
	}

	private static Mono<Relayed> relayed(ClientResponse response) {
		var contentType = response.headers().contentType().orElse(null);
		if (response.statusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()
				&& !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType)) {
			// the load balancer's own answer when no instance is known: a failure, not order-service's word
			return response.createError();
		}
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.map(body -> new Relayed(response.statusCode(), contentType, body));
	}

	private ObjectNode read(Relayed answer) {
		try {
			if (json.readTree(answer.body()) instanceof ObjectNode order) {
				return order;
			}
		}
		catch (JacksonException unreadable) {
			// reported below
		}
		throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, ORDER_SERVICE + " answered with something that is not an order.");
	}

	private Mono<Result> withParts(ObjectNode order, Set<Expansion> parts, String authorization) {
		// subscribed to all at once; the answers come back in the order of the enum
		return Flux.fromIterable(parts)
			.flatMapSequential(part -> fetch(part, order, authorization))
			.collectList()
			.map(fetched -> new Composed(with(order, fetched)));
	}

	private Mono<Part> fetch(Expansion expansion, ObjectNode order, String authorization) {
		var id = order.path(expansion.idField());
		if (!id.isString()) {
			// nothing to fetch yet (no ticket before the kitchen took the order): null, not unavailable
			return Mono.just(Part.of(expansion, NullNode.getInstance()));
		}
		var call = services.get()
			.uri(expansion.uriTemplate(), id.asString())
			.headers(headers -> relay(headers, authorization))
			.exchangeToMono(response -> {
				if (response.statusCode().is2xxSuccessful()) {
					return response.bodyToMono(JsonNode.class);
				}
				if (response.statusCode().is4xxClientError()) {
					// the service's answer, not its failure: the part is missing, the breaker is not told
					log.info("{} left out of order {}: {} answered {}", expansion.field(), order.path("orderId").asString(),
							expansion.service(), response.statusCode().value());
					return response.releaseBody().then(Mono.<JsonNode>empty());
				}
				return response.createError();
			})
			.map(value -> Part.of(expansion, value));
		return breakers.create(expansion.breaker())
			.run(call, failure -> {
				log.warn("{} left out of order {}: {}", expansion.field(), order.path("orderId").asString(), failure.toString());
				return Mono.empty();
			})
			.defaultIfEmpty(Part.missing(expansion));
	}

	private ObjectNode with(ObjectNode order, List<Part> parts) {
		var unavailable = json.createArrayNode();
		for (Part part : parts) {
			order.set(part.expansion().field(), part.value());
			if (part.unavailable()) {
				unavailable.add(part.expansion().field());
			}
		}
		order.set("unavailable", unavailable);
		return order;
	}

	private static void relay(HttpHeaders headers, String authorization) {
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (authorization != null) {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}
	}
}
