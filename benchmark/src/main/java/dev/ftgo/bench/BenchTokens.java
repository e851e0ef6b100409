package dev.ftgo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ftgo.devstack.TokenIssuer;

/**
 * The tokens the bench's requests carry: an admin's to create the data, each consumer's own to place its
 * orders. A stack the bench started signs them with its own key; a running stack named with {@code --gateway}
 * is asked for them at its identity server's {@code POST /tokens} (the dev stack's, development only).
 */
sealed interface BenchTokens {

	String admin();

	String consumer(String consumerId);

	/** Signed in this JVM with the key of the stack the bench started. */
	record Signed(TokenIssuer issuer) implements BenchTokens {

		@Override
		public String admin() {
			return issuer.admin();
		}

		@Override
		public String consumer(String consumerId) {
			return issuer.consumer(UUID.fromString(consumerId));
		}
	}

	/** Asked of a running stack's identity server, e.g. {@code http://127.0.0.1:8090}. */
	record Requested(URI identity) implements BenchTokens {

		private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
		private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		@Override
		public String admin() {
			return request("{\"role\": \"admin\"}");
		}

		@Override
		public String consumer(String consumerId) {
			return request("{\"role\": \"consumer\", \"consumerId\": \"" + consumerId + "\"}");
		}

		private String request(String json) {
			URI tokens = identity.resolve("/tokens");
			try {
				HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(tokens).timeout(Duration.ofSeconds(10))
						.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
						HttpResponse.BodyHandlers.ofString());
				Matcher token = TOKEN.matcher(response.body());
				if (response.statusCode() != 200 || !token.find()) {
					throw new IllegalStateException(tokens + " answered " + response.statusCode() + ": " + response.body());
				}
				return token.group(1);
			}
			catch (IOException e) {
				throw new IllegalStateException("Could not get a token from " + tokens + " (" + e + "); name the running"
						+ " stack's identity server with --identity=http://127.0.0.1:<identity-port>", e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
