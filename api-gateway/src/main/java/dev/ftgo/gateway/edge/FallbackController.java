package dev.ftgo.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request it could not complete: the service is down,
 * too slow, or its breaker is open. The answer is a 503 problem (rendered, with
 * {@code Retry-After}, by the gateway's error handler), never an HTML page.
 */
@RestController
class FallbackController {

	private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

	@RequestMapping("/fallback/{service}")
	Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (cause == null && exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR) == null) {
			// called from outside rather than forwarded by a breaker: there is nothing here
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		if (!(cause instanceof CallNotPermittedException)) {
			// an open breaker refuses every request; its reason was the failures logged here before it opened
			log.warn("Answered 503 for {}: the call to {} failed: {}", exchange.getAttribute(
					ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR), service, String.valueOf(cause));
		}
		return Mono.error(ServiceUnavailable.because(service, cause));
	}
}
