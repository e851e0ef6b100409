package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.ManagedProcess;
import dev.ftgo.devstack.StackLayout;
import dev.ftgo.devstack.StackPorts;
import dev.ftgo.testsupport.ApiClient;

/**
 * The run command as a user meets it: the launcher starts every component, prints a line for each,
 * serves requests through the gateway (the whole Postman walkthrough passes against it), and a Ctrl-C
 * (SIGINT to the launcher) leaves no process of the stack behind, PostgreSQL included, and a class data archive for
 * each Boot app.
 */
class DevStackCliIT {

	private static final Pattern ADMIN_TOKEN = Pattern.compile("export ADMIN_TOKEN=(\\S+)");

	@Test
	void startsEverythingAndCtrlCLeavesNoProcessBehind() throws Exception {
		assertInterruptsAreNotIgnored();
		var layout = StackLayout.detect();
		var runDir = RunDirectories.create("cli-it");
		var output = runDir.resolve("launcher.out");
		var ports = StackPorts.free();

		var command = new ArrayList<>(List.of(javaBinary(), "-jar", layout.projectRoot().resolve("dev-stack/target/dev-stack-cli.jar").toString(),
				"--run-dir=" + runDir));
		for (var component : Component.values()) {
			command.add("--" + component.portOption() + "=" + ports.of(component));
		}
		command.add("--kafka-controller-port=" + ports.kafkaController());
		var launcher = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		var stackPids = new ArrayList<Long>();
		try {
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
					.until(() -> !launcher.isAlive() || read(output).contains("The stack is up"));
			assertThat(launcher.isAlive()).as(read(output)).isTrue();
			for (var component : Component.values()) {
				assertThat(read(output)).contains("✓ " + component.id());
			}

			// the walkthrough users follow (postman/), against this very stack
			new PostmanCollection(layout.projectRoot()).runAgainst(ports.gateway(), ports.of(Component.IDENTITY));

			// the admin token the launcher printed for the user to paste: signed with the key the apps trust
			var printedToken = ADMIN_TOKEN.matcher(read(output));
			assertThat(printedToken.find()).as(read(output)).isTrue();
			var created = new ApiClient(ports.gateway()).withToken(printedToken.group(1)).post("/api/v1/consumers", """
					{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com"}""");
			assertThat(created.status()).as(created.toString()).isEqualTo(201);

			launcher.descendants().forEach(child -> stackPids.add(child.pid()));
			stackPids.add(postmasterPid(runDir));
			// one process per component, but the identity, which runs inside the launcher's own JVM
			assertThat(stackPids).hasSizeGreaterThanOrEqualTo(Component.values().length - 1);

			pressCtrlC(launcher);

			await().atMost(longestStop()).untilAsserted(() -> assertThat(launcher.isAlive()).as(read(output)).isFalse());
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stackPids)
					.as("processes of the stack still alive after Ctrl-C")
					.noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
			assertThat(read(output)).contains("Stopping");

			// each Boot app starts from its jar's extracted copy, and a clean stop leaves the class data archive that
			// later starts map (the first stop after a build writes it, a later one finds it there)
			for (var component : EnumSet.range(Component.SERVICE_REGISTRY, Component.API_GATEWAY)) {
				assertThat(classDataArchives(layout.projectRoot().resolve(component.id()).resolve("target/cds"))).as(component.id())
						.isNotEmpty();
			}
		}
		finally {
			launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			launcher.destroyForcibly();
			stackPids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
			RunDirectories.release(runDir);
		}
	}

	/**
	 * How long the launcher may take to stop, by its own rules: it stops one stage after the other, and gives each
	 * process of a stage its grace before it kills it, plus a margin. Not a speed limit: on a busy machine the first
	 * stop after a build, when every app also writes its class data archive, took over 90 s.
	 */
	private static Duration longestStop() {
		long stages = Arrays.stream(Component.values()).mapToInt(Component::stage).distinct().count();
		return ManagedProcess.DEFAULT_GRACE.multipliedBy(stages).plusSeconds(30);
	}

	/**
	 * What Ctrl-C in the terminal does: SIGINT to the launcher, sent with kill, which Linux and macOS have.
	 * Windows has no way to send another console's process a Ctrl-C from Java, so there this test stops here.
	 */
	private static void pressCtrlC(Process launcher) throws IOException, InterruptedException {
		if (System.getProperty("os.name").startsWith("Windows")) {
			throw new IllegalStateException("Cannot send Ctrl-C to the launcher on Windows: this test runs on Linux and macOS");
		}
		assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(launcher.pid())).start().waitFor()).as("kill -INT").isZero();
	}

	/**
	 * A process started with SIGINT ignored passes that on to the processes it starts: a build run as a background job
	 * of a non-interactive shell, or under nohup, starts a launcher that rightly ignores Ctrl-C as well, and this test
	 * would wait minutes for a stop that cannot come. Said at once instead, where Linux shows it ({@code /proc}).
	 */
	private static void assertInterruptsAreNotIgnored() throws IOException {
		var status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			return;
		}
		var ignored = Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
				.map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16)).findFirst().orElse(0L);
		long sigint = 1L << (2 - 1); // signal n is bit n - 1 of the mask
		assertThat(ignored & sigint).as("SIGINT is ignored by this test's JVM, so the launcher would ignore Ctrl-C too: "
				+ "run the build in the foreground (or from a shell with job control, set -m), not as a background job "
				+ "of a script or under nohup").isZero();
	}

	private static long postmasterPid(Path runDir) throws IOException {
		var pidFile = runDir.resolve("data/postgres/postmaster.pid");
		return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
	}

	private static List<Path> classDataArchives(Path extractedCopies) throws IOException {
		if (!Files.isDirectory(extractedCopies)) {
			return List.of();
		}
		try (var files = Files.walk(extractedCopies, 2)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).toList();
		}
	}

	private static String read(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
	}

	private static String javaBinary() {
		return ProcessHandle.current().info().command().orElse("java");
	}
}
