package dev.ftgo.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;

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
		var references = new TreeMap<String, Set<String>>();
		for (Container container : containers(manifests)) {
			env(container).filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
				.map(variable -> variable.getValueFrom().getSecretKeyRef())
				.forEach(ref -> references.computeIfAbsent(ref.getName(), name -> new TreeSet<>()).add(ref.getKey()));
			envFrom(container).filter(source -> source.getSecretRef() != null)
				.forEach(source -> references.computeIfAbsent(source.getSecretRef().getName(), name -> new TreeSet<>()));
		}
		manifests.workloads().stream().flatMap(workload -> Optional.ofNullable(workload.template().getSpec().getVolumes())
			.orElse(List.of()).stream())
			.filter(volume -> volume.getSecret() != null)
			.forEach(volume -> references.computeIfAbsent(volume.getSecret().getSecretName(), name -> new TreeSet<>()));
		return references;
	}

	/** ConfigMap name to the keys read from it by environment variables. */
	static Map<String, Set<String>> configMapReferences(KubernetesManifests manifests) {
		var references = new TreeMap<String, Set<String>>();
		for (Container container : containers(manifests)) {
			env(container).filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null)
				.map(variable -> variable.getValueFrom().getConfigMapKeyRef())
				.forEach(ref -> references.computeIfAbsent(ref.getName(), name -> new TreeSet<>()).add(ref.getKey()));
			envFrom(container).filter(source -> source.getConfigMapRef() != null)
				.forEach(source -> references.computeIfAbsent(source.getConfigMapRef().getName(), name -> new TreeSet<>()));
		}
		manifests.workloads().stream().flatMap(workload -> Optional.ofNullable(workload.template().getSpec().getVolumes())
			.orElse(List.of()).stream())
			.filter(volume -> volume.getConfigMap() != null)
			.forEach(volume -> references.computeIfAbsent(volume.getConfigMap().getName(), name -> new TreeSet<>()));
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
