package dev.ftgo.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class data sharing (CDS) for the JVMs of one Boot module. Most of a service's start goes into loading and
 * verifying the same few thousand classes every time; with CDS a JVM maps them from an archive instead. Measured
 * on the service registry (2 cores, C1 only): 8.8 s of CPU to start from the executable jar, 6.1 s from its
 * extracted form, 3.9 s from the extracted form with an archive.
 *
 * <p>CDS cannot map classes out of the jars nested in an executable jar, so the jar is first extracted with Spring
 * Boot's own tool ({@code java -Djarmode=tools -jar <module>.jar extract}) into
 * {@code <module>/target/cds/<fingerprint>/}, once for each content of the jar. The JVM records the archive itself: an
 * instance started while there is no archive yet for this JDK writes the classes it loaded when it exits
 * ({@code -XX:ArchiveClassesAtExit}); after a stop that let it exit cleanly (status 0, or 143 after SIGTERM), the file
 * becomes {@code <jdk>.jsa} there, and every later start maps it ({@code -XX:SharedArchiveFile}). Another JDK records
 * an archive of its own.
 *
 * <p>All of this only ever makes a start quicker: a JVM that cannot use the archive starts without it, and when the
 * extraction fails the instance runs from the executable jar, as it would without CDS.
 */
final class ClassDataSharing implements RunHook {

	private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);
	private static final ConcurrentMap<Path, Object> EXTRACTIONS = new ConcurrentHashMap<>();
	private static final Duration EXTRACTION_TIMEOUT = Duration.ofMinutes(2);
	/**
	 * What writing the archive adds to a stop: a service stopping 19 s after SIGTERM was still writing 11 s later,
	 * with two more doing the same on 2 cores.
	 */
	private static final Duration RECORDING = Duration.ofSeconds(60);
	/** A recording older than this was left by a launcher that never stopped its instance. */
	private static final Duration ABANDONED = Duration.ofHours(1);
	private static final String JDK = "jdk-" + (Runtime.version() + "-" + Integer.toHexString(System.getProperty("java.home").hashCode()))
			.replaceAll("[^A-Za-z0-9._-]", "_");

	private final Path jar;
	private final Extractor extractor;
	private Path recording;

	/** How an executable jar becomes a directory holding {@code <jar's name>} and its {@code lib/}. */
	@FunctionalInterface
	interface Extractor {
		void extract(Path jar, Path destination) throws IOException, InterruptedException;
	}

	ClassDataSharing(Path jar) {
		this(jar, ClassDataSharing::extractWithBootTools);
	}

	ClassDataSharing(Path jar, Extractor extractor) {
		this.jar = jar;
		this.extractor = extractor;
	}

	/** {@code … -jar <executable jar> …} becomes {@code … <archive option> -jar <extracted jar> …}. */
	@Override
	public synchronized List<String> beforeLaunch(List<String> command) {
		recording = null;
		int at = command.indexOf(jar.toString());
		if (at < 1 || !command.get(at - 1).equals("-jar")) {
			return command;
		}
		Path extracted = extracted();
		if (extracted == null) {
			return command;
		}
		Path archive = archive(extracted);
		List<String> launched = new ArrayList<>(command.subList(0, at - 1));
		if (Files.isRegularFile(archive)) {
			launched.add("-XX:SharedArchiveFile=" + archive);
		} else {
			recording = extracted.resolve(JDK + "-" + UUID.randomUUID() + ".jsa.tmp");
			launched.add("-XX:ArchiveClassesAtExit=" + recording);
		}
		// CDS reports every class it cannot archive (the registry's XStream has dozens) as a warning
		launched.add("-Xlog:cds*=off");
		launched.add("-jar");
		launched.add(extracted.resolve(jar.getFileName()).toString());
		launched.addAll(command.subList(at + 1, command.size()));
		return launched;
	}

	@Override
	public synchronized Duration grace(Duration usual) {
		return recording == null ? usual : usual.plus(RECORDING);
	}

	/** A recording becomes the archive only after a clean exit: a killed JVM may have written part of one. */
	@Override
	public synchronized void afterExit(int exitCode) {
		Path recorded = recording;
		recording = null;
		if (recorded == null) {
			return;
		}
		try {
			if ((exitCode == 0 || exitCode == 143) && Files.size(recorded) > 0) {
				Files.move(recorded, archive(recorded.getParent()), StandardCopyOption.ATOMIC_MOVE);
			}
		} catch (FileAlreadyExistsException e) {
			// another instance of the module recorded one first
		} catch (IOException e) {
			log.debug("No class data archive from {}: {}", recorded, e.toString());
		} finally {
			deleteQuietly(recorded);
		}
	}

	private static Path archive(Path extracted) {
		return extracted.resolve(JDK + ".jsa");
	}

	/** The extracted copy of this build of the jar, made now if needed; {@code null} when it cannot be had. */
	private Path extracted() {
		synchronized (EXTRACTIONS.computeIfAbsent(jar, key -> new Object())) {
			try {
				Path cds = jar.resolveSibling("cds");
				Path extracted = cds.resolve(fingerprint(jar));
				if (!Files.isRegularFile(extracted.resolve(jar.getFileName()))) {
					Files.createDirectories(cds);
					Path staging = Files.createTempDirectory(cds, "extracting-");
					try {
						extractor.extract(jar, staging);
						Files.move(staging, extracted, StandardCopyOption.ATOMIC_MOVE);
					} catch (IOException e) {
						if (!Files.isRegularFile(extracted.resolve(jar.getFileName()))) {
							throw e;
						}
						// another launcher extracted the same build meanwhile
					} finally {
						Directories.deleteRecursively(staging);
					}
					removeOthers(cds, extracted);
				}
				removeAbandonedRecordings(extracted);
				return extracted;
			} catch (IOException | RuntimeException e) {
				log.warn("Starting {} without class data sharing: {}", jar.getFileName(), e.toString());
				return null;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

	/**
	 * What the jar holds, from its central directory: every entry's name, size and CRC (a nested library's CRC covers
	 * all of it). A build that repackages the same classes and libraries, as {@code ./stack} does each time, gives the
	 * same fingerprint, so the copy and its archive stay valid; one changed class gives another.
	 */
	static String fingerprint(Path jar) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (ZipEntry entry : zip.stream().toList()) {
				digest.update((entry.getName() + "\n" + entry.getSize() + "\n" + entry.getCrc() + "\n").getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every JDK has SHA-256", e);
		}
	}

	/** Earlier builds' copies; another launcher's extraction in progress is left alone unless abandoned. */
	private static void removeOthers(Path cds, Path current) throws IOException {
		try (Stream<Path> entries = Files.list(cds)) {
			for (Path entry : entries.toList()) {
				boolean extracting = entry.getFileName().toString().startsWith("extracting-");
				if (!entry.equals(current) && (!extracting || isOlderThan(entry, ABANDONED))) {
					deleteQuietly(entry);
				}
			}
		}
	}

	private static void removeAbandonedRecordings(Path extracted) throws IOException {
		try (Stream<Path> entries = Files.list(extracted)) {
			for (Path entry : entries.toList()) {
				if (entry.getFileName().toString().endsWith(".jsa.tmp") && isOlderThan(entry, ABANDONED)) {
					deleteQuietly(entry);
				}
			}
		}
	}

	private static boolean isOlderThan(Path path, Duration age) throws IOException {
		return Files.getLastModifiedTime(path).toInstant().isBefore(Instant.now().minus(age));
	}

	private static void deleteQuietly(Path path) {
		try {
			Directories.deleteRecursively(path);
		} catch (RuntimeException e) {
			log.debug("Could not delete {}: {}", path, e.toString());
		}
	}

	private static void extractWithBootTools(Path jar, Path destination) throws IOException, InterruptedException {
		Process extraction = new ProcessBuilder(ChildCommand.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--destination", destination.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		if (!extraction.waitFor(EXTRACTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			extraction.destroyForcibly();
			throw new IOException("extracting took longer than " + EXTRACTION_TIMEOUT);
		}
		if (extraction.exitValue() != 0) {
			throw new IOException("java -Djarmode=tools -jar " + jar.getFileName() + " extract exited with " + extraction.exitValue());
		}
	}
}
