package dev.ftgo.gateway.edge;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a request to a service that is at its concurrency limit before anything costly is done for it.
 * <p>
 * Why here: Spring Security's filter chain is a {@code WebFilter} (order -100), and the gateway picks a route
 * and runs its {@code GlobalFilter}s only after every {@code WebFilter}, inside the dispatcher. So a refusal by
 * {@link ConcurrencyLimitFilter} alone came after the token's signature was verified, the claims checked and
 * each security filter observed: under overload the event loops spent their time on requests that were
 * refused anyway, and the refusals themselves queued for seconds. This filter runs just before the security
 * chain; while no service is full it only asks {@link ServiceLimits#anyFull()}. When one is, it finds the
 * route the request would take (the same predicates the gateway's handler mapping evaluates) and refuses it if
 * that route's service is full.
 * <p>
 * It takes no permit: the permit is still taken after the token was checked, so a request that is refused
 * for its token never holds a place, and the limit still learns only from requests that reached a service.
 * A request that slips past here just before its service fills up is refused there. An expanded order
 * (API composition, which asks order-service first) is refused with order-service, whose route its path
 * matches.
 */
@Component
// just before Spring Security's chain, which runs at -100 (WebFluxSecurityConfiguration, not public)
@Order(-101)
class FullServiceFilter implements WebFilter {

	private final ServiceLimits limits;
	private final RouteLocator routes;

	FullServiceFilter(ServiceLimits limits, RouteLocator routes) {
		this.limits = limits;
		this.routes = routes;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!limits.enabled() || !limits.anyFull()) {
			return chain.filter(exchange);
		}
		return routes.getRoutes()
			.filterWhen(route -> Mono.from(route.getPredicate().apply(exchange)).onErrorReturn(false))
			.next()
			.map(ServiceLimits::serviceOf)
			.filter(limits::refuses)
			.flatMap(service -> Mono.<Void>error(limits.atCapacity(service)))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
	}
}
