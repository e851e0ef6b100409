package dev.ftgo.gateway.composition;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.util.List;
import java.util.Objects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/orders/{orderId}?expand=consumer,ticket} (and v2): the order with the parts asked
 * for. Only a request with {@code expand} lands here: router functions are asked before the gateway's
 * routes, and this one declines anything without the parameter, which then takes the order-service
 * route like any other. (An annotated controller would not do: a request mapping whose path matches
 * but whose parameter condition does not answers 400 instead of letting the routes have it.)
 */
@Configuration(proxyBeanMethods = false)
class OrderCompositionEndpoint {

	@Bean
	RouterFunction<ServerResponse> expandedOrder(OrderComposition composition) {
		return RouterFunctions.route(
				GET("/api/{version:v1|v2}/orders/{orderId}").and(request -> request.queryParams().containsKey("expand")),
				request -> expanded(composition, request));
	}

	private static Mono<ServerResponse> expanded(OrderComposition composition, ServerRequest request) {
		var parts = Expansion.parse(Objects.requireNonNullElse(request.queryParams().get("expand"), List.of()));
		return composition
			.compose(request.pathVariable("version"), request.pathVariable("orderId"), parts,
					request.headers().firstHeader(HttpHeaders.AUTHORIZATION))
			.flatMap(OrderCompositionEndpoint::response);
	}

	private static Mono<ServerResponse> response(OrderComposition.Result result) {
		if (result instanceof OrderComposition.Composed composed) {
			return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(composed.order());
		}
		var relayed = (OrderComposition.Relayed) result;
		var response = ServerResponse.status(relayed.status());
		if (relayed.contentType() != null) {
			response.contentType(relayed.contentType());
		}
		return response.bodyValue(relayed.body());
	}
}
