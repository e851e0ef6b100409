package dev.ftgo.gateway.edge;

import java.util.Set;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses, at the edge, requests no service would accept: a request target longer than the limit
 * (414), a body larger than the limit (413) or not JSON (415). A body announced with {@code Content-Length} is judged before anything is sent
 * on; a chunked body is counted as it streams and cut off at the limit.
 */
@Component
class RequestGuardFilter implements GlobalFilter, Ordered {

	private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

	private final long maxBytes;
	private final int maxUriLength;

	RequestGuardFilter(EdgeSettings settings) {
		this.maxBytes = settings.maxRequestBody().toBytes();
		this.maxUriLength = settings.maxUriLength();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		var request = exchange.getRequest();
		var target = request.getURI().getRawPath().length()
				+ (request.getURI().getRawQuery() == null ? 0 : request.getURI().getRawQuery().length() + 1);
		if (target > maxUriLength) {
			// refused here, as a problem: a service's Tomcat would answer a long line with its own HTML page
			return Mono.error(new ResponseStatusException(HttpStatus.URI_TOO_LONG,
					"The request target is longer than " + maxUriLength + " characters."));
		}
		if (!WITH_BODY.contains(request.getMethod())) {
			return chain.filter(exchange);
		}
		var length = request.getHeaders().getContentLength();
		if (length > maxBytes) {
			return Mono.error(tooLarge());
		}
		boolean chunked = request.getHeaders().containsHeader("Transfer-Encoding");
		if ((length > 0 || chunked) && !isJson(request.getHeaders().getContentType())) {
			return Mono.error(new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type " + describe(request.getHeaders().getContentType())
							+ " is not supported; send application/json."));
		}
		if (chunked) {
			return chain.filter(exchange.mutate().request(new CountingRequest(request, maxBytes)).build());
		}
		return chain.filter(exchange);
	}

	private static boolean isJson(MediaType type) {
		return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
				|| type.getSubtype().endsWith("+json"));
	}

	private static String describe(MediaType type) {
		return type == null ? "(none)" : type.getType() + "/" + type.getSubtype();
	}

	private ResponseStatusException tooLarge() {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + maxBytes + " bytes.");
	}

	private final class CountingRequest extends ServerHttpRequestDecorator {

		private final long limit;

		CountingRequest(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			long[] seen = { 0 };
			return super.getBody().handle((buffer, sink) -> {
				seen[0] += buffer.readableByteCount();
				if (seen[0] > limit) {
					sink.error(tooLarge());
				}
				else {
					sink.next(buffer);
				}
			});
		}
	}
}
