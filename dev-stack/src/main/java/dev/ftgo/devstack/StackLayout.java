package dev.ftgo.devstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are: the project's built jars and Kafka classpath, and the run dir that holds data,
 * logs and pid files ({@code <projectRoot>/.dev-stack} unless a test chooses its own).
 */
public record StackLayout(Path projectRoot, Path runDir) {

	public StackLayout {
		projectRoot = projectRoot.toAbsolutePath().normalize();
		runDir = runDir.toAbsolutePath().normalize();
	}

	/**
	 * The project root from the {@code ftgo.root} system property, else the nearest folder at or above
	 * the working directory that holds {@code mvnw} and {@code dev-stack/}, else the project that the
	 * running {@code dev-stack-cli.jar} was built in (for {@code java -jar} from elsewhere).
	 */
	public static StackLayout detect() {
		String configured = System.getProperty("ftgo.root");
		Path root = configured != null ? Path.of(configured) : findRoot(Path.of("").toAbsolutePath());
		return new StackLayout(root, root.resolve(".dev-stack"));
	}

	private static Path findRoot(Path start) {
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (isProjectRoot(dir)) {
				return dir;
			}
		}
		Path builtIn = ownLocation().getParent();
		for (int up = 0; up < 2 && builtIn != null; up++) {
			builtIn = builtIn.getParent(); // <root>/dev-stack/target/dev-stack-cli.jar
		}
		if (builtIn != null && isProjectRoot(builtIn)) {
			return builtIn;
		}
		throw new StackException("Cannot find the project root (a folder holding mvnw and dev-stack/) at or above "
				+ start + ". Run from inside the project or pass -Dftgo.root=<path>.");
	}

	private static boolean isProjectRoot(Path dir) {
		return Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("dev-stack"));
	}

	private static Path ownLocation() {
		try {
			return Path.of(StackLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		} catch (URISyntaxException | RuntimeException e) {
			return Path.of("").toAbsolutePath();
		}
	}

	public StackLayout withRunDir(Path otherRunDir) {
		return new StackLayout(projectRoot, otherRunDir);
	}

	public Path dataDir() {
		return runDir.resolve("data");
	}

	public Path postgresDataDir() {
		return dataDir().resolve("postgres");
	}

	public Path kafkaDataDir() {
		return dataDir().resolve("kafka");
	}

	/** The data of a cluster of {@code brokers} nodes, one {@code node-<id>} folder each. */
	public Path kafkaClusterDir(int brokers) {
		return dataDir().resolve("kafka-" + brokers + "-brokers");
	}

	/**
	 * The identity's signing key (a private JWK, mode 600). Kept with the data: tokens stay valid across
	 * restarts, and {@code --reset} makes a new key along with the empty databases.
	 */
	public Path signingKeyFile() {
		return dataDir().resolve("identity").resolve("signing-key.jwk.json");
	}

	/** The ids of the demo consumer and restaurant the CLI created, so that a restart reuses them. */
	public Path demoDataFile() {
		return dataDir().resolve("demo-data.properties");
	}

	public Path logsDir() {
		return runDir.resolve("logs");
	}

	public Path pidsDir() {
		return runDir.resolve("pids");
	}

	/** {@code logs/<id>.log}, e.g. {@code order-service.log} or, for a second instance, {@code order-service-2.log}. */
	public Path logFile(String component) {
		return logsDir().resolve(component + ".log");
	}

	/** A Spring Boot module's executable jar (each module sets finalName to its artifactId). */
	public Path jar(String module) {
		return projectRoot.resolve(module).resolve("target").resolve(module + ".jar");
	}

	/** The broker's runtime classpath, copied there when dev-stack is packaged. */
	public Path kafkaLib() {
		return projectRoot.resolve("dev-stack").resolve("target").resolve("kafka-lib");
	}
}
