package dev.cairn.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables a Cairn module reads: its MicroProfile Config keys (from its and commons'
 * microprofile-config.properties and the {@code "cairn.…"} keys its code asks for) in their environment form
 * (MicroProfile Config: non-alphanumerics become _, upper case), plus the {@code ${NAME:default}} placeholders of its
 * YAML resources and the {@code CAIRN_…} names its code reads directly.
 */
final class ConfigKeys {

    private static final Pattern CODE_KEY = Pattern.compile("\"(cairn\\.[a-z0-9.-]+[a-z0-9])\"");
    private static final Pattern CODE_ENV = Pattern.compile("\"(CAIRN_[A-Z0-9_]+)\"");
    private static final Pattern OPERATOR_ENV = Pattern.compile("(?:\\$\\{env:|getenv\\(\")([A-Z][A-Z0-9_]+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)[:}]");

    private ConfigKeys() {
    }

    /** Environment variable names the module (a directory such as services/user-service) reads. */
    static Set<String> environmentNames(String module) {
        Set<String> names = new TreeSet<>();
        for (String source : new String[] {"commons", module}) {
            Path main = Repo.path(source).resolve("src/main");
            Path properties = main.resolve("resources/META-INF/microprofile-config.properties");
            if (Files.isRegularFile(properties)) {
                propertyKeys(properties).forEach(key -> names.add(toEnvironment(key)));
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".java")) {
                        String code = Files.readString(file);
                        matches(CODE_KEY, code).forEach(key -> names.add(toEnvironment(key)));
                        names.addAll(matches(CODE_ENV, code));
                    } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                        names.addAll(matches(PLACEHOLDER, Files.readString(file)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** Environment variables the operator reads: picocli's ${env:NAME} defaults and System.getenv("NAME"). */
    static Set<String> operatorEnvironmentNames() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Repo.path("operator/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                names.addAll(matches(OPERATOR_ENV, Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The server port a module's microprofile-config.properties sets. */
    static int serverPort(String module) {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Repo.path(module).resolve(
                "src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Integer.parseInt(properties.getProperty("server.port"));
    }

    static String toEnvironment(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Set<String> propertyKeys(Path file) {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames();
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
