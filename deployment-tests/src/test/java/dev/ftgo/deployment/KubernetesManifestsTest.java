package dev.ftgo.deployment;

import static dev.ftgo.deployment.ProjectManifests.BASE;
import static dev.ftgo.deployment.ProjectManifests.LOCAL;
import static dev.ftgo.deployment.ProjectManifests.MANIFESTS;
import static dev.ftgo.deployment.ProjectManifests.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.ftgo.deployment.KubernetesManifests.Workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * The manifests of k8s/base and the local overlay, read from their files (no kubectl needed; see
 * {@link KustomizeRenderTest} for the rendered overlay): what they list, parse to, patch and run.
 */
class KubernetesManifestsTest {

	@Test
	void namesOnlyFilesThatExistAndFieldsKustomizeKnows() {
		for (Kustomization kustomization : List.of(BASE, LOCAL)) {
			assertThat(kustomization.unknownFields()).as(kustomization.directory() + " fields").isEmpty();
			assertThat(kustomization.namedFiles()).as(kustomization.directory() + " files").isNotEmpty()
				.allSatisfy(file -> assertThat(Files.isRegularFile(file) || Files.isRegularFile(file.resolve("kustomization.yaml")))
					.as(file + " exists").isTrue());
		}
		assertThat(LOCAL.resources()).containsExactly(BASE.directory(), LOCAL.directory().resolve("identity.yaml"));
	}

	@Test
	void listsEveryManifestOfTheBase() throws IOException {
		try (Stream<Path> files = Files.list(BASE.directory())) {
			var manifests = files.filter(file -> file.toString().endsWith(".yaml"))
				.filter(file -> !file.getFileName().toString().equals("kustomization.yaml")).toList();
			assertThat(BASE.manifestFiles()).as("an unlisted manifest is never applied").containsExactlyInAnyOrderElementsOf(manifests);
		}
	}

	@Test
	void parsesEveryManifestAndPatchWithoutUnknownFields() {
		var patches = KubernetesManifests.load(concat(LOCAL.manifestFiles(), LOCAL.patchFiles()));

		assertThat(MANIFESTS.problems()).isEmpty();
		assertThat(patches.problems()).isEmpty();
		for (Path file : concat(BASE.manifestFiles(), LOCAL.manifestFiles(), LOCAL.patchFiles())) {
			assertThat(KubernetesManifests.load(List.of(file)).all()).as(file + " holds objects").isNotEmpty();
		}
		assertThat(MANIFESTS.all()).extracting(HasMetadata::getKind).contains("Namespace", "ConfigMap", "Service",
				"Deployment", "StatefulSet", "NetworkPolicy");
	}

	@Test
	void patchesOnlyObjectsOfTheBase() {
		for (HasMetadata patch : KubernetesManifests.load(LOCAL.patchFiles()).all()) {
			assertThat(MANIFESTS.all()).as("target of the patch " + patch.getKind() + " " + patch.getMetadata().getName())
				.anyMatch(object -> object.getKind().equals(patch.getKind())
						&& object.getMetadata().getName().equals(patch.getMetadata().getName()));
		}
	}

	@Test
	void runsTheApplicationOnDeploymentsAndTheStoresOnStatefulSets() {
		assertThat(MANIFESTS.all(Deployment.class)).extracting(deployment -> deployment.getMetadata().getName())
			.containsExactlyInAnyOrder("api-gateway", "consumer-service", "order-service", "kitchen-service", "cdc-relay");
		assertThat(MANIFESTS.all(StatefulSet.class)).extracting(set -> set.getMetadata().getName())
			.containsExactlyInAnyOrder("postgres", "kafka");
		assertThat(MANIFESTS.all(StatefulSet.class)).allSatisfy(set -> assertThat(set.getSpec().getVolumeClaimTemplates())
			.as(set.getMetadata().getName() + " keeps its data in a persistent volume").isNotEmpty());
		assertThat(MANIFESTS.workloads()).extracting(Workload::name).as("no registry on Kubernetes")
			.doesNotContain("service-registry");
	}

	@Test
	void selectsAnExistingWorkloadWithEveryService() {
		assertThat(ObjectReferences.servicesWithoutWorkload(MANIFESTS)).isEmpty();
	}

	@Test
	void governsEveryStatefulSetByAHeadlessService() {
		for (StatefulSet set : MANIFESTS.all(StatefulSet.class)) {
			assertThat(MANIFESTS.named(Service.class, set.getSpec().getServiceName()))
				.as("governing Service of " + set.getMetadata().getName())
				.hasValueSatisfying(service -> assertThat(service.getSpec().getClusterIP()).isEqualTo("None"));
		}
	}
}
