package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class SummaryTest {

	private static final TokenIssuer TOKENS = TokenIssuer.generate();
	private static final Pattern EXPORT = Pattern.compile("export (\\w+)=(\\S+)");

	private final StackLayout layout = new StackLayout(Path.of("/work/ftgo"), Path.of("/work/ftgo/.dev-stack"));
	private final UUID consumerId = UUID.randomUUID();
	private final UUID restaurantId = UUID.randomUUID();

	@Test
	void printsTheIdentityTheDemoDataAndATokenForEachRole() throws ParseException {
		String printed = print(new DemoData.Seeded(Optional.of(consumerId), Optional.of(restaurantId), List.of()), false);

		assertThat(printed)
				.contains("The stack is up (93.4 s).")
				.contains("  JWK set            http://127.0.0.1:8090/.well-known/jwks.json")
				.contains("  Token endpoint     POST http://127.0.0.1:8090/tokens")
				.contains("  consumer     " + consumerId + "   Ada Lovelace <ada@example.com>")
				.contains("  restaurant   " + restaurantId + "   Curry House")
				.contains("Demo tokens, valid for 12 h (until ")
				.contains("  ./stack token --role consumer --consumer-id " + consumerId + "\n")
				.contains("/api/v1/restaurants/" + restaurantId + " -H \"Authorization: Bearer $CONSUMER_TOKEN\"")
				.doesNotContain("!")
				.endsWith("Press Ctrl-C to stop, or run ./stack stop in another terminal.\n");
		assertThat(claims(printed, "ADMIN_TOKEN").getStringListClaim("roles")).containsExactly("admin");
		assertThat(claims(printed, "CONSUMER_TOKEN").getSubject()).isEqualTo(consumerId.toString());
		assertThat(claims(printed, "KITCHEN_TOKEN").getStringClaim("restaurant_id")).isEqualTo(restaurantId.toString());
	}

	@Test
	void withoutDemoDataItWarnsAndStillPrintsTheAdminToken() throws ParseException {
		String printed = print(new DemoData.Seeded(Optional.empty(), Optional.of(restaurantId),
				List.of("POST /api/v1/consumers answered 503")), true);

		assertThat(printed)
				.contains("  ! Could not set up the demo data: POST /api/v1/consumers answered 503")
				.contains("  ! The stack keeps running")
				.doesNotContain("CONSUMER_TOKEN")
				.contains("export KITCHEN_TOKEN=")
				.contains("./stack token --role consumer --consumer-id <uuid> --run-dir=/work/ftgo/.dev-stack")
				.contains("run ./stack stop --run-dir=/work/ftgo/.dev-stack in another terminal")
				.contains("/api/v1/consumers -H \"Authorization: Bearer $ADMIN_TOKEN\"");
		assertThat(claims(printed, "ADMIN_TOKEN").getSubject()).isEqualTo("admin");
	}

	@Test
	void aScaledStackListsEveryInstanceWhichRelayStreamsAndTheBrokers() {
		Instance relay2 = new Instance(Component.CDC_RELAY, 2);
		List<Instance> instances = List.of(Instance.first(Component.ORDER_SERVICE), new Instance(Component.ORDER_SERVICE, 2),
				Instance.first(Component.API_GATEWAY), Instance.first(Component.CDC_RELAY), relay2,
				Instance.first(Component.KAFKA), new Instance(Component.KAFKA, 2), new Instance(Component.KAFKA, 3));
		List<String> roster = Roster.of(instances, instance -> 40000 + instance.component().ordinal() * 10 + instance.number(),
				relay -> relay.equals(relay2) ? "standby" : "streams", "127.0.0.1:19092,127.0.0.1:40022,127.0.0.1:40023");

		assertThat(roster).containsExactly(
				"  kafka x3           127.0.0.1:19092,127.0.0.1:40022,127.0.0.1:40023   (every client gets them all)",
				"  order-service x2   http://localhost:40051, http://localhost:40052",
				"  cdc-relay x2       http://localhost:40071 (streams), http://localhost:40072 (standby)");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new Summary(StackPorts.defaults(), layout, false, roster).print(new PrintStream(out, true, StandardCharsets.UTF_8), 93.4,
				TOKENS, new DemoData.Seeded(Optional.of(consumerId), Optional.of(restaurantId), List.of()));
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Instances:\n" + String.join("\n", roster) + "\n\n");
	}

	@Test
	void aStackOfOneOfEachListsNoInstances() {
		assertThat(Roster.of(List.of(Instance.first(Component.ORDER_SERVICE), Instance.first(Component.KAFKA)), instance -> 1,
				relay -> "streams", "127.0.0.1:19092")).isEmpty();
		assertThat(print(new DemoData.Seeded(Optional.of(consumerId), Optional.of(restaurantId), List.of()), false))
				.doesNotContain("Instances:");
	}

	private String print(DemoData.Seeded demo, boolean ownRunDir) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new Summary(StackPorts.defaults(), layout, ownRunDir).print(new PrintStream(out, true, StandardCharsets.UTF_8), 93.4, TOKENS, demo);
		return out.toString(StandardCharsets.UTF_8);
	}

	private static JWTClaimsSet claims(String printed, String variable) throws ParseException {
		Matcher matcher = EXPORT.matcher(printed);
		while (matcher.find()) {
			if (matcher.group(1).equals(variable)) {
				return SignedJWT.parse(matcher.group(2)).getJWTClaimsSet();
			}
		}
		throw new AssertionError(variable + " not printed in\n" + printed);
	}
}
