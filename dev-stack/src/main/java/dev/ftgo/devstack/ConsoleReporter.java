package dev.ftgo.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** One aligned line per component as it becomes healthy or stops. */
final class ConsoleReporter implements StackListener {

	private final PrintStream out;

	ConsoleReporter(PrintStream out) {
		this.out = out;
	}

	@Override
	public void started(Component component, Duration took, String detail) {
		line("✓", component, took, detail);
	}

	@Override
	public void stopped(Component component, Duration took) {
		line("■", component, took, "stopped");
	}

	@Override
	public void notice(String message) {
		out.println("  ! " + message);
	}

	void failed(Component component, String detail) {
		out.printf("  ✗ %-17s %s%n", component.id(), detail);
	}

	private void line(String mark, Component component, Duration took, String detail) {
		// one println per line: parallel starts report from several threads
		out.println(String.format(Locale.ROOT, "  %s %-17s %5.1f s   %s", mark, component.id(), took.toMillis() / 1000.0, detail));
	}
}
