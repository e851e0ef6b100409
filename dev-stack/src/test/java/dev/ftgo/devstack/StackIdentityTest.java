package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity as a stack component; it runs in this JVM, so this needs no built jars. */
class StackIdentityTest {

	@TempDir
	Path runDir;

	@Test
	void everyAppThatChecksTokensBringsTheIdentityAlong() {
		Stack stack = Stack.builder(layout(), StackPorts.free()).with(Component.ORDER_SERVICE).build();

		assertThat(stack.components()).contains(Component.IDENTITY);
		assertThat(Stack.builder(layout(), StackPorts.free()).with(Component.API_GATEWAY).build().components())
				.contains(Component.IDENTITY);
		assertThat(Stack.builder(layout(), StackPorts.free()).with(Component.KAFKA).build().components())
				.doesNotContain(Component.IDENTITY);
		assertThat(Component.IDENTITY.stage()).isZero();
	}

	@Test
	void everySpringBootAppIsToldWhereTheJwkSetIs() {
		StackPorts ports = StackPorts.free();
		Stack stack = Stack.builder(layout(), ports).build();
		String expected = "--ftgo.jwk-set-uri=http://127.0.0.1:" + ports.identity() + "/.well-known/jwks.json";

		for (Component app : EnumSet.range(Component.SERVICE_REGISTRY, Component.API_GATEWAY)) {
			assertThat(stack.process(app).command()).as(app.id()).contains(expected);
		}
		assertThat(stack.jwkSetUri()).hasToString(expected.substring("--ftgo.jwk-set-uri=".length()));
	}

	@Test
	void startsFirstServesTheStoredKeyAndStops() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		StackPorts ports = StackPorts.free();
		String keyId;
		try (Stack stack = Stack.builder(layout(), ports).with(Component.IDENTITY).listener(new StackListener() {
			@Override
			public void started(Instance instance, Duration took, String detail) {
				events.add("started " + instance + " " + detail);
			}

			@Override
			public void stopped(Instance instance, Duration took) {
				events.add("stopped " + instance);
			}
		}).build()) {
			stack.start();

			HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stack.jwkSetUri()).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(jwks.statusCode()).isEqualTo(200);
			assertThat(jwks.body()).isEqualTo(stack.tokens().jwkSetJson());
			keyId = stack.tokens().keyId();
		}

		assertThat(events).containsExactly("started identity http://127.0.0.1:" + ports.identity() + " (JWK set, POST /tokens)",
				"stopped identity");
		assertThat(TokenIssuer.load(layout().signingKeyFile())).get().extracting(TokenIssuer::keyId).isEqualTo(keyId);
	}

	private StackLayout layout() {
		return new StackLayout(runDir.resolve("project"), runDir);
	}
}
