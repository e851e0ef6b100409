package dev.ftgo.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ftgo.devstack.TokenIssuer;

/**
 * {@code Authorization} headers an attacker or a broken client sends, each of which must get a 401: no
 * scheme, the wrong scheme, an empty bearer, a token that is not a JWT, an unsigned one ({@code alg: none}),
 * one signed by a key the stack does not trust, an expired one, and a real consumer token whose claims were
 * edited to make it an admin's.
 */
final class HostileTokens {

	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

	private HostileTokens() {
	}

	/** Label → header value; {@code tokens} signs what the stack trusts, {@code consumerId} is a real consumer. */
	static Map<String, String> headers(TokenIssuer tokens, String consumerId) {
		var consumerToken = tokens.consumer(UUID.fromString(consumerId));
		var parts = consumerToken.split("\\.");
		var headers = new LinkedHashMap<String, String>();
		headers.put("garbage", "garbage");
		headers.put("basic credentials", "Basic " + URL.encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
		headers.put("bearer without a token", "Bearer");
		headers.put("bearer of blanks", "Bearer    ");
		headers.put("not a JWT", "Bearer not-a-jwt");
		headers.put("two tokens", "Bearer " + consumerToken + " " + consumerToken);
		headers.put("alg none", "Bearer " + encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
		headers.put("signed by another key", "Bearer " + TokenIssuer.generate().admin());
		// beyond the 60 s of clock skew the decoders allow
		headers.put("expired", "Bearer " + tokens.mint(TokenIssuer.ADMIN, List.of(TokenIssuer.ADMIN), null,
				Duration.ofMinutes(-5)));
		var claims = new String(URL_DECODER.decode(parts[1]), StandardCharsets.UTF_8);
		var promoted = claims.replace("\"" + TokenIssuer.CONSUMER + "\"", "\"" + TokenIssuer.ADMIN + "\"");
		if (promoted.equals(claims)) {
			throw new IllegalStateException("No consumer role to edit in " + claims);
		}
		headers.put("claims edited to admin", "Bearer " + parts[0] + "." + encode(promoted) + "." + parts[2]);
		return headers;
	}

	private static String encode(String json) {
		return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}
}
