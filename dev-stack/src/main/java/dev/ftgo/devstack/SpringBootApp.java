package dev.ftgo.devstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A Spring Boot module's executable jar as a {@link ManagedProcess}. */
public final class SpringBootApp {

	// Five Boot apps, a broker and PostgreSQL share two cores on a developer laptop or CI box: small
	// heaps, the serial collector and C1 only make them start quickly and fit together.
	static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

	public static final String READINESS = "/actuator/health/readiness";
	public static final String HEALTH = "/actuator/health";

	private SpringBootApp() {
	}

	/**
	 * {@code java <options> -Dftgo.component=<module> -Djava.io.tmpdir=<run dir>/tmp/<module> -jar
	 * <module>/target/<module>.jar --server.port=<port> <args>}, run from the project root, healthy once
	 * {@code healthPath} answers 200. It is launched from the jar's extracted copy, with {@link ClassDataSharing}.
	 */
	public static ManagedProcess create(StackLayout layout, String module, int port, String healthPath, List<String> args) {
		return create(layout, module, module, port, healthPath, args);
	}

	/**
	 * The same for one of several instances of a module: {@code name} (such as {@code order-service-2}) replaces
	 * the module's name in the marker, the temporary folder, the log and the pid file.
	 */
	static ManagedProcess create(StackLayout layout, String module, String name, int port, String healthPath,
			List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(ChildCommand.java());
		command.addAll(JVM_OPTIONS);
		command.add(ChildCommand.marker(name));
		command.add(ChildCommand.temporaryFolder(layout.runDir(), name));
		command.add("-jar");
		command.add(layout.jar(module).toString());
		command.add("--server.port=" + port);
		command.addAll(args);
		HealthProbe probe = HealthProbe.http(URI.create("http://127.0.0.1:" + port + healthPath));
		return new ManagedProcess(name, command, layout.projectRoot(), layout.runDir(), probe,
				new ClassDataSharing(layout.jar(module)));
	}
}
