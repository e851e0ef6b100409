package dev.ftgo.devstack;

import java.io.PrintStream;
import java.util.Locale;

/** What the CLI prints once everything is up: where to go and a first request to try. */
record Summary(StackPorts ports, StackLayout layout) {

	void print(PrintStream out, double seconds) {
		String gateway = "http://localhost:" + ports.gateway();
		out.println();
		out.println(String.format(Locale.ROOT, "The stack is up (%.1f s).", seconds));
		out.println();
		out.println("  Gateway            " + gateway);
		out.println("  Eureka dashboard   http://localhost:" + ports.registry());
		out.println("  Logs               " + layout.logsDir());
		out.println("  Data               " + layout.dataDir() + "   (./stack --reset starts empty)");
		out.println();
		out.println("Try it:");
		out.println("  curl -i -X POST " + gateway + "/api/v1/consumers -H 'Content-Type: application/json' "
				+ "-d '{\"name\":{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"},\"email\":\"ada@example.com\"}'");
		out.println();
		out.println("Press Ctrl-C to stop.");
	}
}
