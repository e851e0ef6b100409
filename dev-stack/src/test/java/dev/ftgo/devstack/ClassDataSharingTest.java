package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

	@TempDir
	Path module;

	private Path jar;
	private final List<Path> extractions = new ArrayList<>();

	@BeforeEach
	void buildJar() throws IOException {
		jar = Files.createDirectories(module.resolve("target")).resolve("order-service.jar");
		build("class OrderService {}");
	}

	/** What a build writes: an executable jar whose one class has the given content. */
	private void build(String classContent) throws IOException {
		try (var zip = new ZipOutputStream(Files.newOutputStream(jar))) {
			zip.putNextEntry(new ZipEntry("BOOT-INF/classes/OrderService.class"));
			zip.write(classContent.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
	}

	private ClassDataSharing sharing() {
		return new ClassDataSharing(jar, (executable, destination) -> {
			extractions.add(destination);
			Files.createDirectories(destination.resolve("lib"));
			Files.writeString(destination.resolve(executable.getFileName()), "thin");
		});
	}

	private List<String> command() {
		return List.of("java", "-Xmx256m", "-Dftgo.component=order-service", "-jar", jar.toString(), "--server.port=8082");
	}

	private static String option(List<String> command, String prefix) {
		return command.stream().filter(argument -> argument.startsWith(prefix)).findFirst().map(argument -> argument.substring(prefix.length()))
				.orElse(null);
	}

	@Test
	void firstRunStartsFromTheExtractedJarAndRecordsAnArchive() {
		var launched = sharing().beforeLaunch(command());

		var extracted = jar.resolveSibling("cds").resolve(onlyEntry(jar.resolveSibling("cds")));
		assertThat(launched).startsWith("java", "-Xmx256m", "-Dftgo.component=order-service")
				.endsWith("-jar", extracted.resolve("order-service.jar").toString(), "--server.port=8082")
				.contains("-Xlog:cds*=off")
				.noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="));
		var recording = Path.of(option(launched, "-XX:ArchiveClassesAtExit="));
		assertThat(recording.getParent()).isEqualTo(extracted);
		assertThat(recording.getFileName().toString()).endsWith(".jsa.tmp");
	}

	@Test
	void aCleanExitTurnsTheRecordingIntoTheArchiveThatLaterStartsMap() throws IOException {
		var sharing = sharing();
		var recording = Path.of(option(sharing.beforeLaunch(command()), "-XX:ArchiveClassesAtExit="));
		Files.writeString(recording, "classes");

		sharing.afterExit(143);

		var launched = sharing.beforeLaunch(command());
		var archive = Path.of(option(launched, "-XX:SharedArchiveFile="));
		assertThat(archive).hasContent("classes");
		assertThat(archive.getParent()).isEqualTo(recording.getParent());
		assertThat(recording).doesNotExist();
		assertThat(option(launched, "-XX:ArchiveClassesAtExit=")).isNull();
		assertThat(extractions).as("one extraction per build of the jar").hasSize(1);
	}

	@Test
	void aKilledJvmsRecordingIsDiscarded() throws IOException {
		var sharing = sharing();
		var recording = Path.of(option(sharing.beforeLaunch(command()), "-XX:ArchiveClassesAtExit="));
		Files.writeString(recording, "half an archive");

		sharing.afterExit(137);

		assertThat(recording).doesNotExist();
		assertThat(option(sharing.beforeLaunch(command()), "-XX:ArchiveClassesAtExit=")).as("records again").isNotNull();
	}

	@Test
	void aRebuildOfTheSameClassesKeepsTheCopyAndItsArchive() throws IOException {
		var sharing = sharing();
		sharing.beforeLaunch(command());
		var first = onlyEntry(jar.resolveSibling("cds"));

		build("class OrderService {}");
		Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
		sharing.beforeLaunch(command());

		assertThat(onlyEntry(jar.resolveSibling("cds"))).isEqualTo(first);
		assertThat(extractions).hasSize(1);
	}

	@Test
	void aChangedClassIsExtractedAgainAndTheOldCopyRemoved() throws IOException {
		var sharing = sharing();
		sharing.beforeLaunch(command());
		var first = onlyEntry(jar.resolveSibling("cds"));

		build("class OrderService { int changed; }");
		var launched = sharing.beforeLaunch(command());

		var second = onlyEntry(jar.resolveSibling("cds"));
		assertThat(second).isNotEqualTo(first);
		assertThat(launched).contains(jar.resolveSibling("cds").resolve(second).resolve("order-service.jar").toString());
	}

	@Test
	void whenTheExtractionFailsTheExecutableJarRunsAsBefore() {
		var sharing = new ClassDataSharing(jar, (executable, destination) -> {
			throw new IOException("no space left");
		});

		assertThat(sharing.beforeLaunch(command())).isEqualTo(command());
		assertThat(jar.resolveSibling("cds")).isEmptyDirectory();
	}

	@Test
	void aCommandThatDoesNotRunTheJarIsLeftAlone() {
		var other = List.of("java", "-cp", "lib/*", "kafka.Kafka");

		assertThat(sharing().beforeLaunch(other)).isEqualTo(other);
		assertThat(extractions).isEmpty();
	}

	private static String onlyEntry(Path dir) {
		try (var entries = Files.list(dir)) {
			var names = entries.map(entry -> entry.getFileName().toString()).toList();
			assertThat(names).hasSize(1);
			return names.get(0);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
