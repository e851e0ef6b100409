package dev.ftgo.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's Kubernetes manifests, read once for the tests of k8s/base and the local overlay: the kustomizations,
 * the base's objects and the names the base and the services agree on.
 */
final class ProjectManifests {

	static final Path PROJECT_ROOT = projectRoot();
	static final Kustomization BASE = Kustomization.load(PROJECT_ROOT.resolve("k8s/base"));
	static final Kustomization LOCAL = Kustomization.load(PROJECT_ROOT.resolve("k8s/overlays/local"));
	static final KubernetesManifests MANIFESTS = KubernetesManifests.load(BASE.manifestFiles());
	/** Where the base reads the JWK set URI and the issuer of the identity provider from; an overlay generates it. */
	static final String JWK_SET_CONFIG_MAP = "ftgo-security";
	static final String JWK_SET_CONFIG_KEY = "jwk-set-uri";
	static final String JWT_ISSUER_CONFIG_KEY = "jwt-issuer";
	/** The variables cdc-relay's topic settings are read from (RelaySettings.Topics). */
	static final String RELAY_REPLICATION_FACTOR = "FTGO_RELAY_TOPICS_REPLICATIONFACTOR";
	static final String RELAY_MIN_INSYNC_REPLICAS = "FTGO_RELAY_TOPICS_MININSYNCREPLICAS";

	private ProjectManifests() {
	}

	@SafeVarargs
	static List<Path> concat(List<Path>... lists) {
		return Stream.of(lists).flatMap(List::stream).toList();
	}

	/** The reactor's root, whether Maven runs in it or in this module. */
	private static Path projectRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.isDirectory(directory.resolve("k8s"))) {
			directory = directory.getParent();
		}
		if (directory == null) {
			throw new IllegalStateException("No k8s/ directory above " + Path.of("").toAbsolutePath());
		}
		return directory;
	}
}
