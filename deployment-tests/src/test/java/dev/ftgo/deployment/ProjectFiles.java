package dev.ftgo.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of a made-up project in a test's temporary directory, for the checks that read a project's own files. */
final class ProjectFiles {

	private ProjectFiles() {
	}

	/** Writes {@code text} to {@code file}, creating its directories. */
	static Path write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text);
	}

	/** Writes {@code module}'s class-path resource {@code name} (application.yml, an imported file) under {@code root}. */
	static Path writeResource(Path root, String module, String name, String text) throws IOException {
		return write(root.resolve(module).resolve("src/main/resources").resolve(name), text);
	}
}
