package dev.ftgo.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * Hands zonky the PostgreSQL binaries of one platform from the class path, in place of zonky's default
 * resolver. The platform is decided before zonky runs ({@link #forThisMachine()}), so a machine without a
 * build is told so in one sentence rather than by zonky's "Unknown OS" or "Missing embedded postgres
 * binaries", and a missing arm64 build on a Mac is an error rather than zonky's quiet x86-64 fallback.
 */
final class PostgresBinaries implements PgBinaryResolver {

	/** One instance, made on first use: zonky unpacks the binaries once per resolver instance and keeps them by it. */
	private static PostgresBinaries thisMachine;

	private final PostgresPlatform platform;
	private final ClassLoader classLoader;

	PostgresBinaries(PostgresPlatform platform, ClassLoader classLoader) {
		this.platform = platform;
		this.classLoader = classLoader;
	}

	/**
	 * @throws StackException when this machine has no PostgreSQL build (the message says which exist)
	 */
	static synchronized PostgresBinaries forThisMachine() {
		if (thisMachine == null) {
			thisMachine = new PostgresBinaries(PostgresPlatform.current(), PostgresBinaries.class.getClassLoader());
		}
		return thisMachine;
	}

	PostgresPlatform platform() {
		return platform;
	}

	/** zonky's own idea of the system and architecture is not used: {@link PostgresPlatform} decided already. */
	@Override
	public InputStream getPgBinary(String system, String machineHardware) throws IOException {
		return location().openStream();
	}

	/**
	 * @throws StackException when the archive is missing from the class path, or is there twice (two
	 *                        versions of the binaries artifact), which would make the version a matter of order
	 */
	URL location() {
		List<URL> found;
		try {
			found = Collections.list(classLoader.getResources(platform.archive()));
		} catch (IOException e) {
			throw new StackException("Could not look for " + platform.archive() + " on the class path: " + e.getMessage(), e);
		}
		if (found.isEmpty()) {
			throw new StackException("The PostgreSQL binaries for " + platform + " (" + platform.archive() + " from "
					+ platform.artifactId() + ") are not on the class path. Build dev-stack again: ./mvnw -pl dev-stack -am package");
		}
		if (found.size() > 1) {
			throw new StackException("The PostgreSQL binaries for " + platform + " are on the class path more than once: "
					+ found + ". Keep one version of " + platform.artifactId() + ".");
		}
		return found.get(0);
	}
}
