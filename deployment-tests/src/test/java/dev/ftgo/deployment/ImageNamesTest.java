package dev.ftgo.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One set of image names across the ways this project runs in containers: every image that compose, the
 * Dockerfiles, the Testcontainers tier and the Kubernetes manifests use is either one that compose builds
 * (ftgo/*, tagged as k8s/ deploys them) or one that docker/base-images/build pulls or stands in for, under
 * the same name and tag. So images compose built load into a local cluster as they are, and a machine
 * without a registry gets every base image the build and the tests ask for.
 */
class ImageNamesTest {

	private static final Path ROOT = ComposeFileTest.PROJECT_ROOT;
	private static final ComposeFile COMPOSE = ComposeFile.load(ROOT.resolve("docker-compose.yml"));
	private static final Pattern BASE_IMAGE_ENTRY = Pattern.compile("^\\s*\"(\\S+)\\s+\\S+\\s+\\S+\\s+\\S+\"\\s*$");
	private static final Pattern FROM = Pattern.compile("^FROM\\s+(\\S+)", Pattern.MULTILINE);
	private static final Pattern CONTAINER_IMAGE = Pattern.compile("static final String IMAGE = \"([^\"]+)\"");

	@Test
	void composeUsesOnlyImagesItBuildsOrTheBaseImageScriptProvides() {
		assertThat(notProvided(composeImages(false))).isEmpty();
	}

	@Test
	void theDockerfilesStartFromBaseImagesTheScriptProvides() {
		List<String> from = new ArrayList<>();
		for (String dockerfile : List.of("docker/Dockerfile", "docker/identity.Dockerfile")) {
			Matcher matcher = FROM.matcher(read(ROOT.resolve(dockerfile)));
			while (matcher.find()) {
				from.add(matcher.group(1));
			}
		}
		assertThat(from).isNotEmpty();
		assertThat(from).allSatisfy(image -> assertThat(baseImages()).contains(image));
	}

	@Test
	void theTestcontainersTierUsesBaseImagesTheScriptProvides() {
		List<String> images = Stream.of("SharedPostgresContainer.java", "SharedKafkaContainer.java")
				.map(file -> read(ROOT.resolve("test-support/src/main/java/dev/ftgo/testsupport").resolve(file)))
				.map(source -> {
					Matcher matcher = CONTAINER_IMAGE.matcher(source);
					assertThat(matcher.find()).as("an IMAGE constant in %s", source.lines().findFirst().orElse("")).isTrue();
					return matcher.group(1);
				}).toList();
		assertThat(images).allSatisfy(image -> assertThat(baseImages()).contains(image));
	}

	@Test
	void kubernetesDeploysImagesComposeBuildsOrTheScriptProvides() {
		Set<String> deployed = new TreeSet<>();
		for (Kustomization kustomization : List.of(ProjectManifests.BASE, ProjectManifests.LOCAL)) {
			KubernetesManifests.load(kustomization.manifestFiles()).workloads().forEach(workload -> PodChecks
					.containers(workload.template().getSpec()).forEach(container -> deployed.add(container.getImage())));
		}
		assertThat(deployed).isNotEmpty();
		Set<String> known = new TreeSet<>(composeImages(true));
		known.addAll(baseImages());
		assertThat(deployed).allSatisfy(image -> assertThat(known).contains(image));
	}

	/** What compose runs but does not build; or, with {@code built}, what it builds. */
	private static List<String> composeImages(boolean built) {
		return COMPOSE.services().values().stream().filter(service -> service.isBuilt() == built)
				.map(service -> service.get("image").orElseThrow()).toList();
	}

	private static List<String> notProvided(List<String> images) {
		return images.stream().filter(image -> !baseImages().contains(image)).toList();
	}

	/** The first column of the IMAGES table of docker/base-images/build. */
	private static Set<String> baseImages() {
		String script = read(ROOT.resolve("docker/base-images/build"));
		String table = script.substring(script.indexOf("IMAGES=("), script.indexOf("\n)", script.indexOf("IMAGES=(")));
		Set<String> images = new TreeSet<>();
		table.lines().map(BASE_IMAGE_ENTRY::matcher).filter(Matcher::matches).forEach(m -> images.add(m.group(1)));
		assertThat(images).as("the IMAGES table of docker/base-images/build").isNotEmpty();
		return images;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
