package dev.cairn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The chart grants the operator exactly the rights of deploy/operator/rbac.yaml, the operator's own manifest. */
class OperatorRbacTest {

    @Test
    void chartGrantsExactlyTheRulesOfTheOperatorManifest() {
        Set<String> manifest = permissions(Yaml.documents(Repo.path("deploy/operator/rbac.yaml")));
        Set<String> chart = permissions(Chart.renderDefaults());

        assertThat(manifest).isNotEmpty();
        assertThat(chart).isEqualTo(manifest);
    }

    @Test
    void namespacedInstallGrantsTheSameRulesAsRoles() {
        Set<String> clusterWide = permissions(Chart.renderDefaults());
        Set<String> namespaced = permissions(Chart.render(null, Map.of("operator.watchNamespaces[0]", "shop")));

        assertThat(namespaced).isEqualTo(clusterWide);
    }

    /** Every (apiGroup, resource, verb) that the Roles and ClusterRoles among {@code resources} grant. */
    static Set<String> permissions(List<JsonNode> resources) {
        Set<String> permissions = new TreeSet<>();
        for (JsonNode role : resources) {
            String kind = role.path("kind").asText();
            if (!kind.equals("Role") && !kind.equals("ClusterRole")) {
                continue;
            }
            for (JsonNode rule : role.path("rules")) {
                for (JsonNode group : rule.path("apiGroups")) {
                    for (JsonNode resource : rule.path("resources")) {
                        for (JsonNode verb : rule.path("verbs")) {
                            permissions.add(group.asText() + "/" + resource.asText() + ":" + verb.asText());
                        }
                    }
                }
            }
        }
        return permissions;
    }
}
