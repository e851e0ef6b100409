package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFileTest.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ftgo.deployment.KubernetesManifests.Workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * docker/identity.Dockerfile runs {@code ./stack identity} where compose and the local overlay expect it: on
 * the port they name, on every interface of the container, as the unprivileged user, with its key in a
 * directory that they back with writable storage (the root file system is read-only in both).
 */
class IdentityImageTest {

	private static final IdentityImage IMAGE = IdentityImage.load(PROJECT_ROOT);
	private static final ComposeFile.Service COMPOSE = ComposeFile.load(PROJECT_ROOT.resolve("docker-compose.yml"))
		.services().get("identity");
	private static final Workload LOCAL = KubernetesManifests.load(ProjectManifests.LOCAL.manifestFiles()).workload("identity");

	@Test
	void runsOnlyTheIdentityOnEveryInterfaceOfTheContainer() {
		assertThat(IMAGE.entrypoint()).startsWith("java", "-jar", "/app/dev-stack-cli.jar", "identity");
		assertThat(IMAGE.option("bind")).hasValue("0.0.0.0");
		assertThat(IMAGE.keyDirectory()).startsWith("/var/lib/");
	}

	@Test
	void listensWhereItsHealthCheckLooks() {
		int port = IMAGE.port();

		assertThat(IMAGE.all("ENV")).contains("SERVER_PORT=" + port);
		assertThat(IMAGE.last("EXPOSE")).hasValue(String.valueOf(port));
		assertThat(IMAGE.last("HEALTHCHECK")).hasValueSatisfying(check -> assertThat(check)
			.contains("/usr/local/bin/healthcheck").contains(ComposeChecks.JWK_SET_PATH));
	}

	@Test
	void runsAsTheUnprivilegedUserThatOwnsTheKeyDirectory() {
		assertThat(IMAGE.last("USER")).hasValue("10001:10001");
		// a named volume starts as a copy of the image's directory, owner included
		assertThat(IMAGE.all("RUN")).anyMatch(run -> run.contains("chown 10001:10001 " + IMAGE.keyDirectory()));
	}

	@Test
	void composeKeepsTheKeyInAVolumeOfAReadOnlyContainer() {
		assertThat(COMPOSE.get("build", "dockerfile")).hasValue(TokenIssuers.IDENTITY_DOCKERFILE);
		assertThat(COMPOSE.get("read_only")).hasValue("true");
		assertThat(COMPOSE.get("volumes")).hasValueSatisfying(volumes -> assertThat(volumes).contains(":" + IMAGE.keyDirectory()));
		assertThat(COMPOSE.healthCheck()).hasValueSatisfying(check -> assertThat(String.valueOf(check)).contains(ComposeChecks.JWK_SET_PATH));
	}

	@Test
	void theLocalOverlayKeepsTheKeyInAnEmptyDirAndProbesTheJwkSet() {
		Container container = LOCAL.template().getSpec().getContainers().get(0);

		assertThat(TokenIssuers.isIdentityImage(container.getImage())).isTrue();
		assertThat(container.getPorts()).extracting(ContainerPort::getContainerPort).containsExactly(IMAGE.port());
		assertThat(LOCAL.replicas()).as("one signing key at a time").isEqualTo(1);
		List<Volume> volumes = LOCAL.template().getSpec().getVolumes();
		assertThat(container.getVolumeMounts()).filteredOn(mount -> mount.getMountPath().equals(IMAGE.keyDirectory()))
			.extracting(VolumeMount::getName).singleElement()
			.satisfies(name -> assertThat(volumes).anyMatch(volume -> volume.getName().equals(name) && volume.getEmptyDir() != null));
		assertThat(List.of(container.getReadinessProbe(), container.getLivenessProbe()))
			.allSatisfy(probe -> assertThat(probe.getHttpGet().getPath()).isEqualTo(ComposeChecks.JWK_SET_PATH));
	}
}
