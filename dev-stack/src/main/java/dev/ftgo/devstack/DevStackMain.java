package dev.ftgo.devstack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The project's run command ({@code ./stack}): starts the whole stack as local processes, prints a
 * line per component, creates the demo data, prints a summary with demo tokens, and stops everything in
 * reverse order on Ctrl-C, SIGTERM or {@code ./stack stop} (see {@link StopCommand}). {@code ./stack token ...} prints a token instead (see {@link TokenCommand}),
 * {@code ./stack identity ...} runs only the identity (see {@link IdentityCommand}); {@link StackCommand} declares the
 * command line. Exit codes: 1 a component failed to start, 2 a port is in use (or, for {@code token}, no key yet),
 * 3 ({@code stop}) no stack runs, 64 bad usage.
 */
public final class DevStackMain {

	static final int FAILED = 1;
	static final int PORT_IN_USE = 2;
	private static final long WATCH_MILLIS = 2000;

	private DevStackMain() {
	}

	public static void main(String[] args) {
		quietLibraryLogging();
		// the progress lines use ✓; don't let a non-UTF-8 default charset turn them into '?'
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		System.exit(run(List.of(args), out, err));
	}

	/** The exit code of the command line {@code args}; a running stack returns only once {@code ./stack stop} asked it to. */
	static int run(List<String> args, PrintStream out, PrintStream err) {
		return StackCommand.commandLine(out, err).execute(args.toArray(String[]::new));
	}

	/** Returns only when the stack could not start or was asked to stop; on Ctrl-C the JVM ends through the shutdown hook. */
	static int launch(CliOptions options, PrintStream out, PrintStream err) {
		StackLayout layout;
		try {
			layout = options.runDir() == null ? StackLayout.detect() : StackLayout.detect().withRunDir(options.runDir());
		} catch (StackException e) {
			err.println(e.getMessage());
			return FAILED;
		}
		ConsoleReporter reporter = new ConsoleReporter(out);
		Stack stack = Stack.builder(layout, options.ports()).scale(options.scale()).listener(reporter)
				.resetData(options.reset()).build();
		StopRequest stopRequest = new StopRequest(layout.runDir());
		stopRequest.launcherStarting(ProcessHandle.current().pid());
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (!stack.isClosed()) {
				out.println();
				out.println("Stopping...");
			}
			stack.close();
			stopRequest.launcherStopped();
		}, "dev-stack-shutdown"));

		Scale scale = options.scale();
		String scaled = scale.equals(Scale.SINGLE) ? ""
				: " with " + scale.instances() + " instances per service and " + scale.kafkaBrokers() + " Kafka brokers";
		out.println("Starting the FTGO stack" + scaled + (options.reset() ? " from empty data" : "") + " (logs in "
				+ layout.logsDir() + ")");
		long began = System.nanoTime();
		try {
			stack.start();
		} catch (PortInUseException e) {
			err.println(e.getMessage());
			stack.close();
			return PORT_IN_USE;
		} catch (StackException e) {
			if (stack.isClosed()) {
				return FAILED; // interrupted by Ctrl-C: the shutdown hook is already stopping everything
			}
			err.println();
			err.println(e.getMessage());
			err.println();
			err.println("Stopping what was started...");
			stack.close();
			return FAILED;
		} catch (RuntimeException e) {
			// not a problem we foresaw, so the stack trace is worth showing
			e.printStackTrace(err);
			err.println("Stopping what was started...");
			stack.close();
			return FAILED;
		}
		double seconds = (System.nanoTime() - began) / 1_000_000_000.0;
		DemoData.Seeded demo = new DemoData(stack.gatewayUri(), stack.tokens().admin(), layout.demoDataFile()).ensure();
		new Summary(options.ports(), layout, options.runDir() != null, Roster.of(stack)).print(out, seconds, stack.tokens(), demo);
		watch(stack, reporter, stopRequest, out);
		return 0;
	}

	/**
	 * Reports an instance that dies while the stack runs (without this it would go unnoticed until a request
	 * fails); returns when {@code ./stack stop} asks for a stop, and the JVM's exit then stops the stack.
	 */
	private static void watch(Stack stack, ConsoleReporter reporter, StopRequest stopRequest, PrintStream out) {
		Set<Instance> reported = new HashSet<>();
		while (true) {
			try {
				Thread.sleep(WATCH_MILLIS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			if (stopRequest.requested()) {
				out.println();
				out.println("./stack stop asked for a stop.");
				return;
			}
			for (Instance instance : stack.instances()) {
				if (!stack.isClosed() && !stack.get(instance).isAlive() && reported.add(instance)) {
					String exit = stack.get(instance) instanceof ManagedProcess process && process.exitCode().isPresent()
							? " with code " + process.exitCode().getAsInt() : "";
					reporter.failed(instance, "exited" + exit + "; see " + stack.layout().logFile(instance.id()));
				}
			}
		}
	}

	/**
	 * The CLI has no SLF4J binding on purpose (see the pom): what the person at the terminal needs comes
	 * through {@link StackListener} and the component logs, and library chatter (zonky, Kafka clients)
	 * would drown the progress lines. This keeps SLF4J from announcing that it found no binding.
	 */
	private static void quietLibraryLogging() {
		System.getProperties().putIfAbsent("slf4j.internal.verbosity", "ERROR");
	}
}
