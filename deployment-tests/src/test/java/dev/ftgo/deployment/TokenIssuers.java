package dev.ftgo.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import dev.ftgo.deployment.ComposeFile.Service;

import io.fabric8.kubernetes.api.model.Container;

/**
 * What can sign the tokens the applications accept. Only the development identity may: the image
 * docker/identity.Dockerfile builds ({@code ./stack identity}, dev-stack's TokenIssuer), which compose and
 * k8s/overlays/local run and k8s/base never does. Everything else only verifies tokens, so it may neither
 * run that image or the dev-stack launcher, nor be built from a module whose runtime classpath holds
 * dev-stack or an OAuth2 authorization server.
 */
final class TokenIssuers {

	static final String IDENTITY_DOCKERFILE = "docker/identity.Dockerfile";
	static final String IDENTITY_IMAGE = "ftgo/identity";
	/** The module that holds TokenIssuer. */
	static final String SIGNING_MODULE = "dev-stack";

	private static final Set<String> PROJECT_GROUP_IDS = Set.of("dev.ftgo", "${project.groupId}");
	private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

	private TokenIssuers() {
	}

	/** Why this compose service could sign tokens; empty when it cannot. */
	static Optional<String> whyIssuing(Service service, Path projectRoot) {
		List<String> reasons = new ArrayList<>();
		service.get("build", "dockerfile").filter(IDENTITY_DOCKERFILE::equals)
				.ifPresent(dockerfile -> reasons.add("is built from " + dockerfile));
		service.get("image").filter(TokenIssuers::isIdentityImage).ifPresent(image -> reasons.add("runs the image " + image));
		Stream.of(service.get("command"), service.get("entrypoint")).flatMap(Optional::stream).filter(TokenIssuers::runsDevStack)
				.findFirst().ifPresent(command -> reasons.add("runs the dev-stack launcher (" + command + ")"));
		service.module().ifPresent(module -> signingDependencies(projectRoot, module).stream().findFirst()
				.ifPresent(dependency -> reasons.add("is built from " + module + ", which has " + dependency + " on its runtime classpath")));
		return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
	}

	/** Why this container could sign tokens; empty when it cannot. */
	static Optional<String> whyIssuing(Container container, Path projectRoot) {
		List<String> reasons = new ArrayList<>();
		String image = Optional.ofNullable(container.getImage()).orElse("");
		if (isIdentityImage(image)) {
			reasons.add("runs the image " + image);
		}
		Stream.of(container.getCommand(), container.getArgs()).filter(words -> words != null && !words.isEmpty())
				.map(String::valueOf).filter(TokenIssuers::runsDevStack).findFirst()
				.ifPresent(command -> reasons.add("runs the dev-stack launcher (" + command + ")"));
		if (image.startsWith("ftgo/")) {
			String module = repository(image).substring("ftgo/".length());
			if (Files.isRegularFile(projectRoot.resolve(module).resolve("pom.xml"))) {
				signingDependencies(projectRoot, module).stream().findFirst().ifPresent(dependency -> reasons.add(
						"runs " + module + ", which has " + dependency + " on its runtime classpath"));
			}
		}
		return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
	}

	/**
	 * The dependencies on {@code module}'s runtime classpath that sign tokens: dev-stack, or an authorization
	 * server. The project's own modules are followed through their poms; other artifacts are taken as
	 * declared, by their artifactId.
	 */
	static Set<String> signingDependencies(Path projectRoot, String module) {
		Set<String> signing = new TreeSet<>();
		collect(projectRoot, module, new TreeSet<>(), signing);
		return signing;
	}

	private static void collect(Path projectRoot, String module, Set<String> visited, Set<String> signing) {
		if (!visited.add(module)) {
			return;
		}
		NodeList dependencies = pom(projectRoot.resolve(module).resolve("pom.xml")).getElementsByTagName("dependency");
		for (int i = 0; i < dependencies.getLength(); i++) {
			Element dependency = (Element) dependencies.item(i);
			// the dependencies element of the project, not of dependencyManagement or of a plugin
			if (!dependency.getParentNode().getParentNode().getNodeName().equals("project")) {
				continue;
			}
			String groupId = text(dependency, "groupId").orElse("");
			String artifactId = text(dependency, "artifactId").orElse("");
			if (!RUNTIME_SCOPES.contains(text(dependency, "scope").orElse("compile"))) {
				continue;
			}
			if (artifactId.equals(SIGNING_MODULE) || artifactId.contains("authorization-server")) {
				signing.add(groupId + ":" + artifactId);
			}
			if (PROJECT_GROUP_IDS.contains(groupId) && Files.isRegularFile(projectRoot.resolve(artifactId).resolve("pom.xml"))) {
				collect(projectRoot, artifactId, visited, signing);
			}
		}
	}

	static boolean isIdentityImage(String image) {
		return repository(image).equals(IDENTITY_IMAGE);
	}

	private static boolean runsDevStack(String command) {
		return command.contains("dev-stack") || command.contains("dev.ftgo.devstack");
	}

	/** An image name without its tag or digest. */
	private static String repository(String image) {
		String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
		int tag = name.lastIndexOf(':');
		return tag > name.lastIndexOf('/') ? name.substring(0, tag) : name;
	}

	/** The text of a direct child element (not of one inside {@code exclusions}). */
	private static Optional<String> text(Element parent, String child) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(child)) {
				return Optional.of(element.getTextContent().trim());
			}
		}
		return Optional.empty();
	}

	private static Document pom(Path file) {
		try {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
		} catch (ParserConfigurationException | SAXException | IOException e) {
			throw new IllegalStateException("Cannot read " + file, e);
		}
	}
}
