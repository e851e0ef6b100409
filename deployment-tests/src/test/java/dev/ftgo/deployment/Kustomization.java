package dev.ftgo.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A {@code kustomization.yaml} as far as these checks need it: the files it names and the ConfigMaps and
 * Secrets it generates. It is not a Kubernetes object, so fabric8 has no model for it; the fields it may
 * use are listed instead, so that a misspelt one fails like an unknown field of a manifest does.
 */
record Kustomization(Path directory, Map<String, Object> root) {

	static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "labels", "resources", "replicas",
			"configMapGenerator", "secretGenerator", "generatorOptions", "patches", "images");

	static Kustomization load(Path directory) {
		return new Kustomization(directory, ConfigFiles.yaml(ConfigFiles.read(directory.resolve("kustomization.yaml"))));
	}

	List<String> unknownFields() {
		return root.keySet().stream().filter(field -> !FIELDS.contains(field)).toList();
	}

	/** The {@code resources} entries: manifest files, or directories holding a kustomization. */
	List<Path> resources() {
		return strings(root.get("resources")).stream().map(directory::resolve).map(Path::normalize).toList();
	}

	/** Manifest files listed as resources here (not the directories of other kustomizations). */
	List<Path> manifestFiles() {
		return resources().stream().filter(path -> !Files.isDirectory(path)).toList();
	}

	List<Path> patchFiles() {
		return maps(root.get("patches")).stream().filter(patch -> patch.containsKey("path"))
			.map(patch -> directory.resolve((String) patch.get("path")).normalize()).toList();
	}

	/** Files read by the generators; an entry may be {@code key=file}. */
	List<Path> generatorFiles() {
		return Stream.of("configMapGenerator", "secretGenerator")
			.flatMap(generator -> maps(root.get(generator)).stream())
			.flatMap(generated -> Stream.concat(strings(generated.get("files")).stream(), strings(generated.get("envs")).stream()))
			.map(file -> directory.resolve(file.substring(file.indexOf('=') + 1)).normalize())
			.toList();
	}

	/** Every file this kustomization names, whether it exists or not. */
	List<Path> namedFiles() {
		var files = new ArrayList<Path>();
		files.addAll(resources());
		files.addAll(patchFiles());
		files.addAll(generatorFiles());
		return files;
	}

	/** Names of the ConfigMaps or Secrets ({@code generator}: configMapGenerator, secretGenerator) and their keys. */
	Map<String, Set<String>> generated(String generator) {
		var generated = new TreeMap<String, Set<String>>();
		for (Map<String, Object> entry : maps(root.get(generator))) {
			var keys = new TreeSet<String>();
			strings(entry.get("literals")).forEach(literal -> keys.add(literal.substring(0, literal.indexOf('='))));
			strings(entry.get("files")).forEach(file -> keys.add(file.contains("=") ? file.substring(0, file.indexOf('='))
					: Path.of(file).getFileName().toString()));
			generated.put((String) entry.get("name"), keys);
		}
		return generated;
	}

	/** The value a generator ({@code configMapGenerator}, {@code secretGenerator}) gives {@code key} of {@code name} as a literal. */
	Optional<String> literal(String generator, String name, String key) {
		return maps(root.get(generator)).stream().filter(entry -> name.equals(entry.get("name")))
			.flatMap(entry -> strings(entry.get("literals")).stream())
			.filter(literal -> literal.startsWith(key + "="))
			.map(literal -> literal.substring(key.length() + 1))
			.findFirst();
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object list) {
		return list == null ? List.of() : (List<String>) list;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Object list) {
		return list == null ? List.of() : (List<Map<String, Object>>) list;
	}
}
