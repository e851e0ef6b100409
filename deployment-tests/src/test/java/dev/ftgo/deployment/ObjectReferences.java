package dev.ftgo.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMapEnvSource;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.SecretEnvSource;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;

/**
 * How the objects of a set of manifests refer to each other by name: Services to pods, pods to Secrets
 * and ConfigMaps. A name that resolves to nothing is not an error to the API server; the pod just never
 * starts, or the Service never has endpoints.
 */
final class ObjectReferences {

	private ObjectReferences() {
	}

	/** Services whose selector matches no workload's pods, or whose target port those pods do not declare. */
	static List<String> servicesWithoutWorkload(KubernetesManifests manifests) {
		var violations = new ArrayList<String>();
		for (Service service : manifests.all(Service.class)) {
			Map<String, String> selector = Optional.ofNullable(service.getSpec().getSelector()).orElse(Map.of());
			var selected = manifests.workloads().stream()
				.filter(workload -> !selector.isEmpty() && workload.podLabels().entrySet().containsAll(selector.entrySet()))
				.toList();
			if (selected.isEmpty()) {
				violations.add(service.getMetadata().getName() + " selects no workload with " + selector);
			}
			service.getSpec().getPorts().forEach(port -> selected.stream()
				.filter(workload -> workload.template().getSpec().getContainers().stream()
					.flatMap(container -> Optional.ofNullable(container.getPorts()).orElse(List.of()).stream())
					.noneMatch(declared -> port.getTargetPort().getStrVal() != null
							? port.getTargetPort().getStrVal().equals(declared.getName())
							: port.getTargetPort().getIntVal().equals(declared.getContainerPort())))
				.forEach(workload -> violations.add(service.getMetadata().getName() + " targets port " + port.getTargetPort()
						+ ", which " + workload.name() + " does not declare")));
		}
		return violations;
	}

	/** Secret name to the keys read from it by environment variables and volumes. */
	static Map<String, Set<String>> secretReferences(KubernetesManifests manifests) {
		return references(manifests,
				from -> Optional.ofNullable(from.getSecretKeyRef()).map(ref -> Map.entry(ref.getName(), ref.getKey())),
				source -> Optional.ofNullable(source.getSecretRef()).map(SecretEnvSource::getName),
				volume -> Optional.ofNullable(volume.getSecret()).map(SecretVolumeSource::getSecretName));
	}

	/** ConfigMap name to the keys read from it by environment variables and volumes. */
	static Map<String, Set<String>> configMapReferences(KubernetesManifests manifests) {
		return references(manifests,
				from -> Optional.ofNullable(from.getConfigMapKeyRef()).map(ref -> Map.entry(ref.getName(), ref.getKey())),
				source -> Optional.ofNullable(source.getConfigMapRef()).map(ConfigMapEnvSource::getName),
				volume -> Optional.ofNullable(volume.getConfigMap()).map(ConfigMapVolumeSource::getName));
	}

	/**
	 * Object name to the keys read from it, for one kind of object: {@code key} names the object and key a variable's
	 * valueFrom reads, {@code whole} an envFrom that reads all its keys, {@code mounted} a volume made of it.
	 */
	private static Map<String, Set<String>> references(KubernetesManifests manifests,
			Function<EnvVarSource, Optional<Map.Entry<String, String>>> key, Function<EnvFromSource, Optional<String>> whole,
			Function<Volume, Optional<String>> mounted) {
		var references = new TreeMap<String, Set<String>>();
		for (Container container : containers(manifests)) {
			env(container).filter(variable -> variable.getValueFrom() != null)
				.flatMap(variable -> key.apply(variable.getValueFrom()).stream())
				.forEach(ref -> references.computeIfAbsent(ref.getKey(), name -> new TreeSet<>()).add(ref.getValue()));
			envFrom(container).flatMap(source -> whole.apply(source).stream())
				.forEach(name -> references.computeIfAbsent(name, any -> new TreeSet<>()));
		}
		manifests.workloads().stream().flatMap(workload -> Optional.ofNullable(workload.template().getSpec().getVolumes())
			.orElse(List.of()).stream())
			.flatMap(volume -> mounted.apply(volume).stream())
			.forEach(name -> references.computeIfAbsent(name, any -> new TreeSet<>()));
		return references;
	}

	/** Variables that look like credentials but carry a value written into the manifest. */
	static List<String> literalSecretsInEnvironment(KubernetesManifests manifests) {
		return containers(manifests).stream().flatMap(ObjectReferences::env)
			.filter(variable -> variable.getName().matches(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*"))
			.filter(variable -> variable.getValueFrom() == null)
			.map(EnvVar::getName)
			.toList();
	}

	static List<Container> containers(KubernetesManifests manifests) {
		return manifests.workloads().stream().flatMap(workload -> PodChecks.containers(workload.template().getSpec()).stream())
			.toList();
	}

	static Stream<EnvVar> env(Container container) {
		return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream();
	}

	static Stream<EnvFromSource> envFrom(Container container) {
		return Optional.ofNullable(container.getEnvFrom()).orElse(List.of()).stream();
	}
}
