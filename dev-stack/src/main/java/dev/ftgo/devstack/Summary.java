package dev.ftgo.devstack;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the CLI prints once everything is up: where to go, the instances of a scaled stack ({@link Roster}), the
 * demo data, tokens for it and requests to try.
 */
record Summary(StackPorts ports, StackLayout layout, boolean ownRunDir, List<String> roster) {

	Summary(StackPorts ports, StackLayout layout, boolean ownRunDir) {
		this(ports, layout, ownRunDir, List.of());
	}

	void print(PrintStream out, double seconds, TokenIssuer tokens, DemoData.Seeded demo) {
		String gateway = "http://localhost:" + ports.gateway();
		String identity = "http://127.0.0.1:" + ports.identity();
		out.println();
		out.println(String.format(Locale.ROOT, "The stack is up (%.1f s).", seconds));
		out.println();
		out.println("  Gateway            " + gateway);
		out.println("  Eureka dashboard   http://localhost:" + ports.registry());
		out.println("  JWK set            " + IdentityServer.jwkSetUri(ports.identity()));
		out.println("  Token endpoint     POST " + identity + IdentityEndpoints.TOKENS_PATH + "   (development only)");
		out.println("  Logs               " + layout.logsDir());
		out.println("  Data               " + layout.dataDir() + "   (./stack --reset starts empty)");
		out.println();
		if (!roster.isEmpty()) {
			out.println("Instances:");
			roster.forEach(out::println);
			out.println();
		}
		demo.problems().forEach(problem -> out.println("  ! Could not set up the demo data: " + problem));
		if (!demo.problems().isEmpty()) {
			out.println("  ! The stack keeps running; create data yourself with $ADMIN_TOKEN (below).");
			out.println();
		}
		if (demo.consumerId().isPresent() || demo.restaurantId().isPresent()) {
			out.println("Demo data (kept across restarts):");
			demo.consumerId().ifPresent(id -> out.println("  consumer     " + id + "   " + DemoData.CONSUMER_NAME));
			demo.restaurantId().ifPresent(id -> out.println("  restaurant   " + id + "   " + DemoData.RESTAURANT_NAME
					+ " (menu items m1 Chicken Curry 12.50 USD, m2 Garlic Naan 3.50 USD)"));
			out.println();
		}
		TokenIssuer.IssuedToken admin = tokens.issue(TokenIssuer.ADMIN, List.of(TokenIssuer.ADMIN), null, TokenIssuer.DEFAULT_TTL);
		out.println("Demo tokens, valid for " + TokenIssuer.DEFAULT_TTL.toHours() + " h (until " + admin.expiresAt()
				+ "); paste into a shell:");
		out.println("  # admin (sub admin)");
		out.println("  export ADMIN_TOKEN=" + admin.value());
		demo.consumerId().ifPresent(id -> {
			out.println("  # consumer Ada Lovelace (sub " + id + ")");
			out.println("  export CONSUMER_TOKEN=" + tokens.consumer(id));
		});
		demo.restaurantId().ifPresent(id -> {
			out.println("  # kitchen staff of Curry House (restaurant_id " + id + ")");
			out.println("  export KITCHEN_TOKEN=" + tokens.kitchen(id));
		});
		out.println();
		String runDir = ownRunDir ? " --run-dir=" + layout.runDir() : "";
		out.println("More tokens (any consumer or restaurant id, --ttl 30m|12h|7d):");
		out.println("  ./stack token --role consumer --consumer-id " + demo.consumerId().map(UUID::toString).orElse("<uuid>") + runDir);
		out.println("  ./stack token --role kitchen --restaurant-id " + demo.restaurantId().map(UUID::toString).orElse("<uuid>") + runDir);
		out.println("  ./stack token --role admin" + runDir);
		out.println("  curl -s -X POST " + identity + IdentityEndpoints.TOKENS_PATH
				+ " -H 'Content-Type: application/json' -d '{\"role\": \"admin\"}'");
		out.println();
		out.println("Try it:");
		if (demo.consumerId().isPresent() && demo.restaurantId().isPresent()) {
			UUID consumer = demo.consumerId().get();
			UUID restaurant = demo.restaurantId().get();
			out.println("  curl -i " + gateway + "/api/v1/restaurants/" + restaurant + " -H \"Authorization: Bearer $CONSUMER_TOKEN\"");
			out.println("  curl -i -X POST " + gateway + "/api/v1/orders -H \"Authorization: Bearer $CONSUMER_TOKEN\" "
					+ "-H 'Content-Type: application/json' -d '{\"consumerId\": \"" + consumer + "\", \"restaurantId\": \""
					+ restaurant + "\", \"lineItems\": [{\"menuItemId\": \"m1\", \"quantity\": 2}]}'");
			out.println("  curl -i '" + gateway + "/api/v1/orders?consumerId=" + consumer + "' -H \"Authorization: Bearer $CONSUMER_TOKEN\"");
		} else {
			out.println("  curl -i -X POST " + gateway + "/api/v1/consumers -H \"Authorization: Bearer $ADMIN_TOKEN\" "
					+ "-H 'Content-Type: application/json' -d '" + DemoData.CONSUMER_BODY + "'");
		}
		out.println();
		out.println("Press Ctrl-C to stop, or run ./stack stop" + runDir + " in another terminal.");
	}
}
