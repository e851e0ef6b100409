package dev.ftgo.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Kubernetes objects parsed into fabric8's typed model, strictly: a document of an unknown kind or API
 * version, or with a field the model does not know, is a {@link #problems() problem} (see
 * {@link StrictModel}), reported by one test instead of failing every test that reads the manifests.
 */
final class KubernetesManifests {

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	/** A Deployment or StatefulSet: what runs pods. */
	record Workload(String kind, String name, Integer replicas, PodTemplateSpec template) {

		Map<String, String> podLabels() {
			return Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of());
		}
	}

	private final List<HasMetadata> objects = new ArrayList<>();
	private final List<String> problems = new ArrayList<>();

	private KubernetesManifests() {
	}

	static KubernetesManifests load(Collection<Path> files) {
		var manifests = new KubernetesManifests();
		for (Path file : files) {
			try {
				manifests.add(file.toString(), Files.readString(file));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return manifests;
	}

	static KubernetesManifests parse(String source, String yaml) {
		var manifests = new KubernetesManifests();
		manifests.add(source, yaml);
		return manifests;
	}

	private void add(String source, String yaml) {
		Object parsed;
		try {
			parsed = SERIALIZATION.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (RuntimeException e) {
			problems.add(source + ": " + e.getMessage());
			return;
		}
		List<?> documents = parsed instanceof List<?> list ? list : parsed == null ? List.of() : List.of(parsed);
		for (Object document : documents) {
			if (document == null) {
				continue;
			}
			if (!(document instanceof HasMetadata object) || document instanceof GenericKubernetesResource) {
				problems.add(source + ": not a Kubernetes object fabric8 knows: " + document);
				continue;
			}
			StrictModel.unknownFields(object).forEach(field -> problems.add(source + ": " + object.getKind() + " "
					+ object.getMetadata().getName() + " has an unknown field " + field));
			objects.add(object);
		}
	}

	/** Unknown kinds and fields, and documents that did not parse: empty for valid manifests. */
	List<String> problems() {
		return List.copyOf(problems);
	}

	List<HasMetadata> all() {
		return List.copyOf(objects);
	}

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
		return all(type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
	}

	List<Workload> workloads() {
		var workloads = new ArrayList<Workload>();
		all(Deployment.class).forEach(deployment -> workloads.add(new Workload("Deployment", deployment.getMetadata().getName(),
				deployment.getSpec().getReplicas(), deployment.getSpec().getTemplate())));
		all(StatefulSet.class).forEach(set -> workloads.add(new Workload("StatefulSet", set.getMetadata().getName(),
				set.getSpec().getReplicas(), set.getSpec().getTemplate())));
		return workloads;
	}

	Workload workload(String name) {
		return workloads().stream().filter(workload -> workload.name().equals(name)).findFirst()
			.orElseThrow(() -> new AssertionError("No Deployment or StatefulSet " + name));
	}
}
