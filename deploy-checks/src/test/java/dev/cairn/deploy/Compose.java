package dev.cairn.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as data, with merge keys resolved and ${VAR:-default} interpolated to its default. */
final class Compose {

    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}. */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    private static final Pattern DOCKERFILE_MODULE = Pattern.compile("-pl (\\S+) -am");

    final Map<String, Object> file;

    private Compose(Map<String, Object> file) {
        this.file = file;
    }

    static Compose load() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> file = new Yaml(options).load(Repo.read("docker-compose.yml"));
        return new Compose(file);
    }

    Map<String, Map<String, Object>> services() {
        return map(file.get("services"));
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The environment of a service as name -> value (list or map form), uninterpolated. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> environment.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (raw instanceof List<?> items) {
            for (Object item : items) {
                String text = String.valueOf(item);
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return environment;
    }

    /** The repository module a service's image is built from (the -pl of its Dockerfile), if it is built here. */
    static Optional<String> module(Map<String, Object> service) {
        Map<String, Object> build = object(service.get("build"));
        if (build.isEmpty()) {
            return Optional.empty();
        }
        String dockerfile = Repo.read(String.valueOf(build.get("dockerfile")));
        Matcher matcher = DOCKERFILE_MODULE.matcher(dockerfile);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Replaces every ${VAR...} by its default (empty when there is none). */
    static String withDefaults(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String operator = matcher.group(2);
            String replacement = operator != null && operator.endsWith("-") ? matcher.group(3) : "";
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Names of the variables a text refers to. */
    static List<String> variables(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Map<String, Object>>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }
}
