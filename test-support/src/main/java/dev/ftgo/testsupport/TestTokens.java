package dev.ftgo.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.ftgo.devstack.IdentityServer;
import dev.ftgo.devstack.TokenIssuer;

import tools.jackson.databind.JsonNode;

/**
 * Real signed JWTs for tests, checked by the app under test exactly as in production: against a JWK set
 * fetched over HTTP. One {@link TokenIssuer} and one JWK set server per test JVM, on a free port of
 * 127.0.0.1, started on first use and stopped when the JVM exits; its threads are daemons.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void tokens(DynamicPropertyRegistry registry) {
 *     TestTokens.register(registry);
 * }
 *
 * api.withToken(TestTokens.consumer(consumerId)).get("/api/v1/consumers/" + consumerId);
 * }</pre>
 */
public final class TestTokens {

	public static final String JWK_SET_URI_PROPERTY = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
	/** What each app's application.yml reads the JWK set URI from; set too, so either wiring finds this server. */
	public static final String FTGO_JWK_SET_URI_PROPERTY = "ftgo.jwk-set-uri";
	/** The {@code iss} of {@link #fromAnotherIssuer()}; the apps trust {@link TokenIssuer#ISSUER} only. */
	public static final String ANOTHER_ISSUER = "https://another-issuer.example";
	/** The {@code aud} of {@link #forAnotherAudience()}; the apps accept {@link TokenIssuer#AUDIENCE} only. */
	public static final String ANOTHER_AUDIENCE = "another-api";

	private TestTokens() {
	}

	/** Points the app under test at this JVM's JWK set. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add(JWK_SET_URI_PROPERTY, () -> jwkSetUri().toString());
		registry.add(FTGO_JWK_SET_URI_PROPERTY, () -> jwkSetUri().toString());
	}

	public static URI jwkSetUri() {
		return Server.INSTANCE.jwkSetUri();
	}

	/** The signer, for tokens the shortcuts below do not cover ({@link TokenIssuer#mint}). */
	public static TokenIssuer issuer() {
		return Server.INSTANCE.issuer();
	}

	public static String admin() {
		return issuer().admin();
	}

	/** A consumer's token; the id is a {@link UUID}, its string, or a JSON string node (e.g. from a response). */
	public static String consumer(Object consumerId) {
		return issuer().consumer(uuid(consumerId));
	}

	/** Staff of the restaurant with this id (a {@link UUID}, its string, or a JSON string node). */
	public static String kitchen(Object restaurantId) {
		return issuer().kitchen(uuid(restaurantId));
	}

	/** An admin token that expired five minutes ago, beyond the 60 s clock skew resource servers allow: 401. */
	public static String expired() {
		return issuer().mint(TokenIssuer.ADMIN, List.of(TokenIssuer.ADMIN), null, Duration.ofMinutes(-5));
	}

	/** A well-formed admin token signed by a key the JWK set does not hold: the app must answer 401. */
	public static String signedByAnotherKey() {
		return ForeignIssuer.INSTANCE.admin();
	}

	/**
	 * An admin token signed with the trusted key and valid in every other respect, but issued by
	 * {@value #ANOTHER_ISSUER}: 401. Identity providers may sign for several issuers with one key (multi-tenant ones
	 * do), so only the {@code iss} claim tells this token from the apps' own.
	 */
	public static String fromAnotherIssuer() {
		return issuer().mint(TokenIssuer.ADMIN, List.of(TokenIssuer.ADMIN), null, TokenIssuer.DEFAULT_TTL,
				claims -> claims.issuer(ANOTHER_ISSUER));
	}

	/** An admin token of the trusted issuer and key, but for another API ({@value #ANOTHER_AUDIENCE}): 401. */
	public static String forAnotherAudience() {
		return issuer().mint(TokenIssuer.ADMIN, List.of(TokenIssuer.ADMIN), null, TokenIssuer.DEFAULT_TTL,
				claims -> claims.audience(ANOTHER_AUDIENCE));
	}

	static UUID uuid(Object id) {
		if (id instanceof UUID uuid) {
			return uuid;
		}
		if (id instanceof JsonNode node && node.isString()) {
			return UUID.fromString(node.asString());
		}
		if (id instanceof CharSequence text) {
			return UUID.fromString(text.toString());
		}
		throw new IllegalArgumentException("Not an id: " + id + (id == null ? "" : " (" + id.getClass().getName() + ")"));
	}

	/** Started on first use only: a test JVM that never asks for a token opens no port. */
	private static final class Server {

		static final IdentityServer INSTANCE = start();

		private static IdentityServer start() {
			IdentityServer server = new IdentityServer(TokenIssuer.generate(), 0);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-tokens-shutdown"));
			return server;
		}
	}

	private static final class ForeignIssuer {

		static final TokenIssuer INSTANCE = TokenIssuer.generate();
	}
}
