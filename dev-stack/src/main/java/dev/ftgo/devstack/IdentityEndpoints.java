package dev.ftgo.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The identity server's HTTP surface: {@code GET /.well-known/jwks.json} for the services' decoders and
 * the dev-only {@code POST /tokens} for clients such as Postman. Errors are problem+json, like the services'.
 */
final class IdentityEndpoints implements HttpHandler {

	static final String JWKS_PATH = "/.well-known/jwks.json";
	static final String TOKENS_PATH = "/tokens";

	// a token request is a few dozen bytes; anything far larger is not one
	private static final int MAX_BODY_BYTES = 16 * 1024;

	private final Supplier<TokenIssuer> issuer;

	IdentityEndpoints(Supplier<TokenIssuer> issuer) {
		this.issuer = issuer;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			if (path.equals(JWKS_PATH)) {
				if (method.equals("GET")) {
					send(exchange, 200, "application/json", issuer.get().jwkSetJson());
				} else {
					methodNotAllowed(exchange, "GET");
				}
			} else if (path.equals(TOKENS_PATH)) {
				if (method.equals("POST")) {
					issueToken(exchange);
				} else {
					methodNotAllowed(exchange, "POST");
				}
			} else {
				problem(exchange, 404, "Not Found", "No such resource: " + path + ". This server offers GET "
						+ JWKS_PATH + " and POST " + TOKENS_PATH + ".");
			}
		}
	}

	private void issueToken(HttpExchange exchange) throws IOException {
		TokenRequest request;
		try {
			request = parse(readBody(exchange.getRequestBody()));
		} catch (IllegalArgumentException e) {
			problem(exchange, 400, "Bad Request", e.getMessage());
			return;
		}
		TokenIssuer.IssuedToken token = request.issueWith(issuer.get());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("token", token.value());
		body.put("expiresAt", token.expiresAt().toString());
		send(exchange, 200, "application/json", JSONObjectUtils.toJSONString(body));
	}

	/** {@code {"role", "consumerId"?, "restaurantId"?, "ttlSeconds"?}}; unknown fields are ignored, as everywhere. */
	static TokenRequest parse(String json) {
		Map<String, Object> fields;
		try {
			fields = JSONObjectUtils.parse(json);
		} catch (ParseException e) {
			throw new IllegalArgumentException("The body must be a JSON object such as "
					+ "{\"role\": \"consumer\", \"consumerId\": \"<uuid>\"}: " + e.getMessage());
		}
		return new TokenRequest(string(fields, "role"),
				TokenRequest.uuid("consumerId", string(fields, "consumerId")),
				TokenRequest.uuid("restaurantId", string(fields, "restaurantId")),
				ttl(fields.get("ttlSeconds")));
	}

	private static String string(Map<String, Object> fields, String name) {
		Object value = fields.get(name);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw new IllegalArgumentException(name + " must be a string, not " + value);
	}

	private static Duration ttl(Object seconds) {
		if (seconds == null) {
			return null;
		}
		if (seconds instanceof Long whole) {
			return Duration.ofSeconds(whole);
		}
		if (seconds instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
				&& Math.abs(number.doubleValue()) < Long.MAX_VALUE) {
			return Duration.ofSeconds(number.longValue());
		}
		throw new IllegalArgumentException("ttlSeconds must be a whole number of seconds, not " + seconds);
	}

	private static String readBody(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
		if (bytes.length > MAX_BODY_BYTES) {
			throw new IllegalArgumentException("The body is larger than " + MAX_BODY_BYTES + " bytes");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
		exchange.getResponseHeaders().set("Allow", allowed);
		problem(exchange, 405, "Method Not Allowed", exchange.getRequestMethod() + " is not supported here; use " + allowed + ".");
	}

	private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		body.put("instance", exchange.getRequestURI().getPath());
		send(exchange, status, "application/problem+json", JSONObjectUtils.toJSONString(body));
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}
}
