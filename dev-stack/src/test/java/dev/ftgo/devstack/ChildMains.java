package dev.ftgo.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tiny programs that ManagedProcessTest runs as child JVMs. */
final class ChildMains {

	private ChildMains() {
	}

	/** Command line running {@code main} of the given class from the test classes, marked as {@code component}. */
	static List<String> command(String component, Class<?> main, String... args) {
		List<String> command = new ArrayList<>(List.of(ChildCommand.java(), "-Xmx32m", "-XX:TieredStopAtLevel=1",
				ChildCommand.marker(component), "-cp", testClasses(), main.getName()));
		command.addAll(List.of(args));
		return command;
	}

	/** Same, without the marker: a process that is not ours. */
	static List<String> unmarkedCommand(Class<?> main) {
		return List.of(ChildCommand.java(), "-Xmx32m", "-cp", testClasses(), main.getName());
	}

	private static String testClasses() {
		try {
			return Path.of(ChildMains.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		} catch (java.net.URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Says it is ready and then waits for a signal. */
	static final class Idle {
		public static void main(String[] args) throws InterruptedException {
			System.out.println("ready");
			Thread.currentThread().join();
		}
	}

	/** Fails the way a service without its database does. */
	static final class Failing {
		public static void main(String[] args) {
			System.out.println("starting");
			System.err.println("boom: no database");
			System.exit(3);
		}
	}

	/** Starts a grandchild and waits; a SIGTERM ends it without stopping the grandchild. */
	static final class Spawner {
		public static void main(String[] args) throws Exception {
			// only the test classes are on this JVM's classpath, so no helpers from the main code here
			String java = ProcessHandle.current().info().command().orElseThrow();
			Process grandchild = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
					Idle.class.getName()).start();
			System.out.println("grandchild " + grandchild.pid());
			Thread.currentThread().join();
		}
	}
}
