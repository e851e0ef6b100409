package dev.ftgo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TestInfrastructureTest {

	private static final BooleanSupplier DOCKER = () -> true;
	private static final BooleanSupplier NO_DOCKER = () -> false;

	// the embedded path must not even ask: the question loads Testcontainers and may wait on a socket
	private static final BooleanSupplier NEVER_ASKED = () -> {
		throw new AssertionError("Docker was asked about");
	};

	@Test
	void embeddedByDefaultWithoutAskingForDocker() {
		assertThat(TestInfrastructure.select(null, NEVER_ASKED)).isEqualTo(TestInfrastructure.EMBEDDED);
		assertThat(TestInfrastructure.select("", NEVER_ASKED)).isEqualTo(TestInfrastructure.EMBEDDED);
	}

	@Test
	void embeddedWhenAskedForInAnySpelling() {
		assertThat(TestInfrastructure.select("embedded", NEVER_ASKED)).isEqualTo(TestInfrastructure.EMBEDDED);
		assertThat(TestInfrastructure.select(" Embedded ", NEVER_ASKED)).isEqualTo(TestInfrastructure.EMBEDDED);
	}

	@Test
	void autoFallsBackToEmbeddedWithoutDocker() {
		assertThat(TestInfrastructure.select("auto", NO_DOCKER)).isEqualTo(TestInfrastructure.EMBEDDED);
	}

	@Test
	void autoUsesContainersWhenDockerAnswers() {
		assertThat(TestInfrastructure.select("AUTO", DOCKER)).isEqualTo(TestInfrastructure.TESTCONTAINERS);
	}

	@Test
	void testcontainersWhenRequestedAndDockerAnswers() {
		assertThat(TestInfrastructure.select("testcontainers", DOCKER)).isEqualTo(TestInfrastructure.TESTCONTAINERS);
	}

	@Test
	void requestedTestcontainersWithoutDockerFailsNamingTheSwitch() {
		assertThatIllegalStateException().isThrownBy(() -> TestInfrastructure.select("testcontainers", NO_DOCKER))
				.withMessageContaining("-Dftgo.test.infrastructure=testcontainers")
				.withMessageContaining("no Docker engine")
				.withMessageContaining("-Dftgo.test.infrastructure=auto");
	}

	@Test
	void rejectsAnUnknownValueListingTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestInfrastructure.select("docker", NEVER_ASKED))
				.withMessage("ftgo.test.infrastructure must be embedded, testcontainers or auto, not 'docker'");
	}

	@Test
	void refusesAnEmbeddedHandleUnderContainersNamingTheSwitchAndTheAlternative() {
		assertThat(TestInfrastructure.embeddedOnly("TestKafka.broker()", "TestKafka.bootstrapServers()"))
				.hasMessageStartingWith("TestKafka.broker() is an embedded process, but -Dftgo.test.infrastructure=")
				.hasMessageContaining("use TestKafka.bootstrapServers()")
				.hasMessageEndingWith("-Dftgo.test.infrastructure=embedded.");
	}

	/*
	 * The real question to Testcontainers on this machine: it must answer rather than hang, and the switch must
	 * act on the answer. Without a Docker engine (this project's CI) that is the embedded fallback and the
	 * fail-fast error; where an engine answers, the containers.
	 */

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void autoFollowsTheRealAnswerOfDocker() {
		var expected = DockerEngine.available() ? TestInfrastructure.TESTCONTAINERS : TestInfrastructure.EMBEDDED;

		assertThat(TestInfrastructure.select("auto", DockerEngine::available)).isEqualTo(expected);
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void requestedTestcontainersFailsOnlyWithoutDocker() {
		if (DockerEngine.available()) {
			assertThat(TestInfrastructure.select("testcontainers", DockerEngine::available))
					.isEqualTo(TestInfrastructure.TESTCONTAINERS);
		}
		else {
			assertThatIllegalStateException().isThrownBy(() -> TestInfrastructure.select("testcontainers", DockerEngine::available))
					.withMessageContaining("-Dftgo.test.infrastructure=testcontainers");
		}
	}
}
