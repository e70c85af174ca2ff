package dev.cairn.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Cairn checkout these checks inspect: {@code -Dcairn.root} (set by the POM), else the parent directory. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("cairn.root");
        Path root = (configured == null ? Path.of("..") : Path.of(configured)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("mvnw"))) {
            throw new IllegalStateException("not the Cairn checkout (no mvnw): " + root + "; set -Dcairn.root");
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
