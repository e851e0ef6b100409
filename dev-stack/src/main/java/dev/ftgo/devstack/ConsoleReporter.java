package dev.ftgo.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** One aligned line per instance as it becomes healthy or stops. */
final class ConsoleReporter implements StackListener {

	private final PrintStream out;

	ConsoleReporter(PrintStream out) {
		this.out = out;
	}

	@Override
	public void started(Instance instance, Duration took, String detail) {
		line("✓", instance, took, detail);
	}

	@Override
	public void stopped(Instance instance, Duration took) {
		line("■", instance, took, "stopped");
	}

	@Override
	public void notice(String message) {
		out.println("  ! " + message);
	}

	void failed(Instance instance, String detail) {
		out.printf("  ✗ %-17s %s%n", instance.id(), detail);
	}

	private void line(String mark, Instance instance, Duration took, String detail) {
		// one println per line: parallel starts report from several threads
		out.println(String.format(Locale.ROOT, "  %s %-17s %5.1f s   %s", mark, instance.id(), took.toMillis() / 1000.0, detail));
	}
}
