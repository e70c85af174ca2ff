package dev.cairn.operator.runtime;

import dev.cairn.operator.testing.MockKubernetes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/operator: the RBAC grants what the operator calls and nothing broader; the Deployment runs it safely. */
class DeployManifestsTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static List<HasMetadata> load(String file) throws IOException {
        String text = Files.readString(MockKubernetes.repoRoot().resolve("deploy/operator").resolve(file));
        return Arrays.stream(text.split("(?m)^---$")).filter(doc -> doc.lines().anyMatch(l -> l.startsWith("kind:")))
                .map(doc -> (HasMetadata) SERIALIZATION.unmarshal(doc)).toList();
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow();
    }

    private static boolean allows(List<PolicyRule> rules, String group, String resource, String verb) {
        return rules.stream().anyMatch(rule -> rule.getApiGroups().contains(group)
                && rule.getResources().contains(resource) && rule.getVerbs().contains(verb));
    }

    @ParameterizedTest(name = "{0}/{1}: {2}")
    @CsvSource({
            "platform.cairn.dev, microserviceplatforms, list watch get",
            "platform.cairn.dev, microserviceplatforms/status, patch",
            "apps, deployments, list watch get create patch delete",
            "'', services, list create patch delete",
            "'', configmaps, list create patch delete",
            "policy, poddisruptionbudgets, list create patch delete",
            "networking.k8s.io, networkpolicies, list create patch delete",
            "autoscaling, horizontalpodautoscalers, list create patch delete",
            "'', secrets, get create",
            "'', pods, list",
            "'', events, create"})
    void clusterRoleAllowsEveryCallTheOperatorMakes(String group, String resource, String verbs) throws IOException {
        List<PolicyRule> rules = one(load("rbac.yaml"), ClusterRole.class).getRules();

        for (String verb : verbs.split(" ")) {
            assertThat(allows(rules, group, resource, verb)).as("%s %s/%s", verb, group, resource).isTrue();
        }
    }

    @Test
    void grantsNoWildcardsAndNeverUpdatesOrDeletesSecrets() throws IOException {
        List<HasMetadata> objects = load("rbac.yaml");
        List<PolicyRule> rules = one(objects, ClusterRole.class).getRules();

        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*");
            assertThat(rule.getApiGroups()).doesNotContain("*");
        });
        assertThat(allows(rules, "", "secrets", "update")).isFalse();
        assertThat(allows(rules, "", "secrets", "delete")).isFalse();
        assertThat(allows(rules, "", "secrets", "list")).isFalse();
        assertThat(one(objects, Role.class).getRules()).singleElement().satisfies(rule ->
                assertThat(rule.getResources()).containsExactly("leases"));
    }

    @Test
    void bindsTheRolesToTheOperatorsServiceAccount() throws IOException {
        List<HasMetadata> objects = load("rbac.yaml");
        ServiceAccount account = one(objects, ServiceAccount.class);
        ClusterRoleBinding binding = one(objects, ClusterRoleBinding.class);

        assertThat(account.getMetadata().getName()).isEqualTo("cairn-operator");
        assertThat(account.getMetadata().getNamespace()).isEqualTo("cairn-system");
        assertThat(binding.getRoleRef().getName()).isEqualTo("cairn-operator");
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getName()).isEqualTo("cairn-operator");
            assertThat(subject.getNamespace()).isEqualTo("cairn-system");
        });
    }

    @Test
    void runsTheOperatorWithProbesOnItsHealthPortAndTheLeaseInItsNamespace() throws IOException {
        Deployment deployment = one(load("operator.yaml"), Deployment.class);
        var pod = deployment.getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);

        assertThat(pod.getServiceAccountName()).isEqualTo("cairn-operator");
        assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8090);
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(container.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("CAIRN_OPERATOR_LEASE_NAMESPACE");
            assertThat(env.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
        });
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    }

    @Test
    void shipsTheNamespaceAccountRolesAndBindingsInOneFile() throws IOException {
        assertThat(load("rbac.yaml")).extracting(HasMetadata::getKind).containsExactly("Namespace",
                "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
    }
}
