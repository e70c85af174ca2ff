package dev.cairn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** values.yaml is documented field by field, and values.schema.json knows every field it has. */
class ValuesDocumentationTest {

    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)(- )?([A-Za-z][\\w.-]*):(.*)$");

    /**
     * Every value line has a comment right above it, or its parent or grandparent key has one (a documented
     * Kubernetes object such as resources or securityContext). List items are documented by their list.
     */
    @Test
    void everyValueHasACommentAboveItOrAboveTheObjectItBelongsTo() {
        List<String> lines = Repo.read("helm/cairn/values.yaml").lines().toList();
        record Key(int indent, boolean documented) {
        }
        Deque<Key> ancestors = new ArrayDeque<>();
        Integer listIndent = null;
        List<String> undocumented = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY_LINE.matcher(lines.get(i));
            if (!key.matches()) {
                continue;
            }
            int indent = key.group(1).length();
            if (key.group(2) != null) {
                listIndent = indent;
                continue;
            }
            if (listIndent != null && indent > listIndent) {
                continue;
            }
            listIndent = null;
            while (!ancestors.isEmpty() && ancestors.peek().indent() >= indent) {
                ancestors.pop();
            }
            boolean commented = i > 0 && lines.get(i - 1).trim().startsWith("#");
            String value = key.group(4).trim();
            boolean leaf = !value.isEmpty() && !value.startsWith("#");
            if (leaf) {
                boolean documented = commented || ancestors.stream().limit(2).anyMatch(Key::documented);
                if (!documented) {
                    undocumented.add((i + 1) + ": " + lines.get(i).trim());
                }
            } else {
                ancestors.push(new Key(indent, commented));
            }
        }
        assertThat(undocumented).as("values.yaml lines without a comment").isEmpty();
    }

    @Test
    void schemaKnowsEveryFieldOfTheDefaultValues() {
        JsonNode values = Yaml.single(Chart.directory().resolve("values.yaml"));
        JsonNode schema = Yaml.json(Chart.directory().resolve("values.schema.json"));
        List<String> unknown = new ArrayList<>();

        collectUnknown(values, schema, "", unknown);

        assertThat(unknown).isEmpty();
    }

    private static void collectUnknown(JsonNode value, JsonNode schema, String path, List<String> unknown) {
        if (value.isObject() && schema.has("properties")) {
            value.properties().forEach(e -> {
                JsonNode property = schema.path("properties").get(e.getKey());
                if (property == null) {
                    unknown.add(path + "." + e.getKey());
                } else {
                    collectUnknown(e.getValue(), property, path + "." + e.getKey(), unknown);
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            value.forEach(item -> collectUnknown(item, schema.get("items"), path + "[]", unknown));
        }
    }
}
