package dev.ftgo.deployment;

import static dev.ftgo.deployment.ProjectManifests.MANIFESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Namespace;

/** Every container of k8s/base is probed, bounded, restricted and names its image portably. */
class KubernetesPodSpecsTest {

	@Test
	void givesEveryContainerLivenessAndReadinessProbes() {
		assertThat(PodChecks.withoutProbes(MANIFESTS.workloads())).isEmpty();
		assertThat(PodChecks.springBootAppsNotProbedOnHealthGroups(MANIFESTS.workloads())).isEmpty();
	}

	@Test
	void givesEveryContainerResourceRequestsAndLimits() {
		assertThat(PodChecks.withoutRequestsAndLimits(MANIFESTS.workloads())).isEmpty();
	}

	@Test
	void runsEveryContainerAsNonRootWithAReadOnlyRootFileSystem() {
		assertThat(PodChecks.notRestricted(MANIFESTS.workloads())).isEmpty();
		assertThat(MANIFESTS.all(Namespace.class)).singleElement()
			.satisfies(namespace -> assertThat(namespace.getMetadata().getLabels())
				.contains(entry("pod-security.kubernetes.io/enforce", "restricted")));
	}

	@Test
	void namesImagesWithoutARegistryHost() {
		assertThat(PodChecks.imagesNamingARegistryHostOrNoTag(MANIFESTS.workloads())).isEmpty();
	}
}
