package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file whole, so that readers never see half a key, and where the file system has POSIX modes
 * (Linux, macOS) readable by its owner only (mode 600). Windows has no modes: there the file gets the
 * access list of its folder, the project's own under the user's profile.
 */
final class SecretFile {

	private SecretFile() {
	}

	static void write(Path file, String content) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			Files.deleteIfExists(temporary);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				// created with the permissions already set, so the key is never readable by others, not even briefly
				Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			Files.writeString(temporary, content, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Could not write " + file, e);
		}
	}
}
