package dev.ftgo.deployment;

import static dev.ftgo.deployment.ProjectManifests.BASE;
import static dev.ftgo.deployment.ProjectManifests.JWK_SET_CONFIG_KEY;
import static dev.ftgo.deployment.ProjectManifests.JWK_SET_CONFIG_MAP;
import static dev.ftgo.deployment.ProjectManifests.JWT_ISSUER_CONFIG_KEY;
import static dev.ftgo.deployment.ProjectManifests.LOCAL;
import static dev.ftgo.deployment.ProjectManifests.MANIFESTS;
import static dev.ftgo.deployment.ProjectManifests.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.ftgo.deployment.KubernetesManifests.Workload;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * What k8s/base reads from Secrets and ConfigMaps exists or the local overlay generates it, no secret value is in the
 * base, and which identity provider to trust is the overlay's choice.
 */
class KubernetesConfigurationTest {

	@Test
	void keepsEverySecretValueOutOfTheBase() {
		assertThat(MANIFESTS.all(Secret.class)).isEmpty();
		assertThat(BASE.root()).doesNotContainKey("secretGenerator");
		assertThat(ObjectReferences.literalSecretsInEnvironment(MANIFESTS)).isEmpty();
	}

	@Test
	void generatesEverySecretTheBaseRefersToInTheLocalOverlay() {
		var generated = LOCAL.generated("secretGenerator");
		assertThat(ObjectReferences.secretReferences(MANIFESTS)).isNotEmpty().allSatisfy((name, keys) -> assertThat(generated)
			.as("Secret " + name + " of the local overlay").containsKey(name)
			.hasEntrySatisfying(name, generatedKeys -> assertThat(generatedKeys).containsAll(keys)));
	}

	@Test
	void refersOnlyToConfigMapsThatExistOrTheLocalOverlayGenerates() {
		var configMaps = new TreeMap<String, Set<String>>(BASE.generated("configMapGenerator"));
		configMaps.putAll(LOCAL.generated("configMapGenerator"));
		MANIFESTS.all(ConfigMap.class).forEach(map -> configMaps.put(map.getMetadata().getName(), map.getData().keySet()));
		assertThat(ObjectReferences.configMapReferences(MANIFESTS)).isNotEmpty().allSatisfy((name, keys) -> assertThat(configMaps)
			.as("ConfigMap " + name).containsKey(name)
			.hasEntrySatisfying(name, existing -> assertThat(existing).containsAll(keys)));
	}

	/**
	 * Which identity provider's tokens to accept is the overlay's choice: the base reads its JWK set and its
	 * issuer from a ConfigMap it does not define, and runs nothing that could sign a token.
	 */
	@Test
	void leavesTheIdentityProviderToTheOverlayAndSignsNoTokens() {
		assertThat(MANIFESTS.workloads()).allSatisfy(workload -> PodChecks.containers(workload.template().getSpec())
			.forEach(container -> assertThat(TokenIssuers.whyIssuing(container, PROJECT_ROOT)).as(workload.name()).isEmpty()));
		assertThat(MANIFESTS.named(ConfigMap.class, JWK_SET_CONFIG_MAP)).isEmpty();
		assertThat(BASE.generated("configMapGenerator")).doesNotContainKey(JWK_SET_CONFIG_MAP);
		assertThat(LOCAL.generated("configMapGenerator"))
			.containsEntry(JWK_SET_CONFIG_MAP, Set.of(JWK_SET_CONFIG_KEY, JWT_ISSUER_CONFIG_KEY));

		var readers = readers(ComposeChecks.JWK_SET_URI_VARIABLE);
		assertThat(readers).containsOnlyKeys("api-gateway", "consumer-service", "order-service", "kitchen-service", "cdc-relay")
			.allSatisfy((workload, source) -> assertThat(source).as(workload).isEqualTo(JWK_SET_CONFIG_MAP + "/" + JWK_SET_CONFIG_KEY));
		assertThat(readers(ComposeChecks.JWT_ISSUER_VARIABLE)).as("issuer").containsOnlyKeys(readers.keySet())
			.allSatisfy((workload, source) -> assertThat(source).as(workload).isEqualTo(JWK_SET_CONFIG_MAP + "/" + JWT_ISSUER_CONFIG_KEY));
		assertThat(KubernetesProfilesTest.apps()).filteredOn(app -> ModuleProperties.load(PROJECT_ROOT, app.name(), List.of("kubernetes"))
				.value(ComposeChecks.JWK_SET_URI_PROPERTY).isPresent())
			.extracting(Workload::name).as("resource servers").allSatisfy(name -> {
				assertThat(readers).containsKey(name);
				assertThat(ModuleProperties.load(PROJECT_ROOT, name, List.of("kubernetes")).value(ComposeChecks.JWT_ISSUER_PROPERTY))
					.as(name + " checks the issuer").isPresent();
			});
	}

	/** Workload to the {@code configmap/key} its containers read {@code variable} from. */
	private static Map<String, String> readers(String variable) {
		var readers = new TreeMap<String, String>();
		for (Workload workload : MANIFESTS.workloads()) {
			for (var container : PodChecks.containers(workload.template().getSpec())) {
				ObjectReferences.env(container).filter(env -> env.getName().equals(variable))
					.forEach(env -> readers.put(workload.name(), configMapKey(env)));
			}
		}
		return readers;
	}

	/** {@code configmap/key} for a variable read from a ConfigMap, else how it is set. */
	private static String configMapKey(EnvVar variable) {
		if (variable.getValueFrom() == null || variable.getValueFrom().getConfigMapKeyRef() == null) {
			return "not from a ConfigMap: " + variable;
		}
		return variable.getValueFrom().getConfigMapKeyRef().getName() + "/" + variable.getValueFrom().getConfigMapKeyRef().getKey();
	}
}
