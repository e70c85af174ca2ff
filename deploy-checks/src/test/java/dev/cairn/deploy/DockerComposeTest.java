package dev.cairn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: parses, names only what exists, wires services consistently and holds no secret. */
class DockerComposeTest {

    private static final List<String> CAIRN_SERVICES = List.of("gateway-1", "gateway-2", "user-service",
            "order-service", "product-service", "analytics-service");
    private static final Pattern URL_HOST_PORT = Pattern.compile("^[a-z+]+://(?:[^@/]*@)?([a-z0-9-]+):(\\d+)");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASS|SECRET|TOKEN|_KEY)$");

    private final Compose compose = Compose.load();

    @Test
    void definesTheWholeStackBehindOneLoadBalancer() {
        assertThat(compose.services().keySet()).containsExactlyInAnyOrder("nginx", "gateway-1", "gateway-2",
                "user-service", "order-service", "product-service", "analytics-service", "postgres", "mongo", "redis",
                "rabbitmq", "kafka", "jaeger", "prometheus", "grafana");
        assertThat(String.valueOf(compose.service("rabbitmq").get("image"))).contains("management");
        assertThat(Compose.environment(compose.service("kafka")).get("KAFKA_PROCESS_ROLES")).contains("controller");
        assertThat(compose.services()).doesNotContainKey("zookeeper");
        for (String name : compose.services().keySet()) {
            if (!name.equals("nginx")) {
                assertThat(publishedPorts(compose.service(name))).as(name + " must not take the API port")
                        .noneMatch(p -> p.endsWith(":8080"));
            }
        }
        assertThat(publishedPorts(compose.service("nginx"))).containsExactly("0.0.0.0:8080");
    }

    @Test
    void everyBuiltImageComesFromAnExistingDockerfileAndModule() {
        for (String name : CAIRN_SERVICES) {
            Map<String, Object> service = compose.service(name);
            Map<String, Object> build = Compose.object(service.get("build"));
            String dockerfile = String.valueOf(build.get("dockerfile"));
            assertThat(Repo.path(String.valueOf(build.get("context"))).resolve(dockerfile)).as(name).isRegularFile();
            String module = Compose.module(service).orElseThrow(() -> new AssertionError(dockerfile + " has no -pl"));
            assertThat(Repo.path(module).resolve("pom.xml")).as(name).isRegularFile();
            String component = name.startsWith("gateway") ? "gateway" : name;
            assertThat(Compose.withDefaults(String.valueOf(service.get("image"))))
                    .isEqualTo("ghcr.io/cairn-dev/cairn-" + component + ":0.1.0-SNAPSHOT");
            assertThat(Repo.read(module + "/pom.xml")).contains("<artifactId>cairn-" + component + "</artifactId>");
        }
    }

    @Test
    void publishedHostPortsDoNotCollide() {
        List<String> published = new ArrayList<>();
        compose.services().values().forEach(service -> published.addAll(publishedPorts(service)));

        assertThat(published).doesNotHaveDuplicates().isNotEmpty();
        Set<String> portsOnly = new HashSet<>();
        for (String address : published) {
            assertThat(portsOnly.add(address.substring(address.lastIndexOf(':') + 1))).as(address).isTrue();
        }
    }

    @Test
    void serviceUrlsAndHealthchecksUseThePortEachServiceListensOn() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : CAIRN_SERVICES) {
            ports.put(name, ConfigKeys.serverPort(Compose.module(compose.service(name)).orElseThrow()));
        }
        ports.put("postgres", 5432);
        ports.put("mongo", 27017);
        ports.put("redis", 6379);
        ports.put("rabbitmq", 5672);
        ports.put("jaeger", 4318);
        for (String name : CAIRN_SERVICES) {
            Map<String, Object> service = compose.service(name);
            assertThat(healthcheck(service)).as(name).contains("127.0.0.1:" + ports.get(name) + "/health/ready");
            Compose.environment(service).forEach((variable, value) -> {
                Matcher url = URL_HOST_PORT.matcher(value.replace("jdbc:", ""));
                if (url.find()) {
                    assertThat(ports).as(name + " " + variable).containsKey(url.group(1));
                    assertThat(Integer.parseInt(url.group(2))).as(name + " " + variable)
                            .isEqualTo(ports.get(url.group(1)));
                }
            });
        }
        assertThat(Compose.environment(compose.service("user-service")).get("CAIRN_KAFKA_BOOTSTRAP")).isEqualTo("kafka:9092");
    }

    @Test
    void dependenciesAndHealthchecksReferToDefinedServicesWithoutCycles() {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        compose.services().forEach((name, service) -> {
            Map<String, Map<String, Object>> dependsOn = Compose.map(service.get("depends_on"));
            edges.put(name, dependsOn.keySet());
            dependsOn.forEach((target, condition) -> {
                assertThat(compose.services()).as(name + " depends on " + target).containsKey(target);
                assertThat(condition.get("condition")).as(name + " -> " + target).isEqualTo("service_healthy");
                assertThat(compose.service(target)).as(target + " has a healthcheck").containsKey("healthcheck");
            });
            if (service.containsKey("healthcheck")) {
                List<Object> test = Compose.list(Compose.object(service.get("healthcheck")).get("test"));
                assertThat(test).as(name).isNotEmpty();
                assertThat(String.valueOf(test.getFirst())).isIn("CMD", "CMD-SHELL");
            }
        });
        for (String start : edges.keySet()) {
            assertThat(reaches(edges, start, start, new HashSet<>())).as("dependency cycle through " + start).isFalse();
        }
        assertThat(compose.services().keySet().stream().filter(n -> !compose.service(n).containsKey("healthcheck")))
                .as("services without a healthcheck (images without a shell)").containsExactly("jaeger");
    }

    @Test
    void nginxWaitsForBothGatewaysAndEachGatewayForTheServices() {
        assertThat(Compose.map(compose.service("nginx").get("depends_on")).keySet())
                .containsExactlyInAnyOrder("gateway-1", "gateway-2");
        assertThat(Compose.map(compose.service("gateway-1").get("depends_on")).keySet())
                .contains("user-service", "order-service", "product-service", "analytics-service");
    }

    @Test
    void environmentNamesAreConfigKeysTheServicesRead() {
        for (String name : CAIRN_SERVICES) {
            Map<String, Object> service = compose.service(name);
            Set<String> known = ConfigKeys.environmentNames(Compose.module(service).orElseThrow());
            for (String variable : Compose.environment(service).keySet()) {
                if (!variable.equals("JAVA_TOOL_OPTIONS")) {
                    assertThat(known).as(name + " does not read " + variable).contains(variable);
                }
            }
        }
    }

    @Test
    void configKeyCheckKnowsTheDocumentedVariablesAndRejectsATypo() {
        Set<String> gateway = ConfigKeys.environmentNames("gateway");

        assertThat(gateway).contains("CAIRN_REDIS_URL", "CAIRN_USERS_URL", "CAIRN_AUTH_JWKS_URL",
                "CAIRN_GATEWAY_RATE_LIMIT_RPS", "CAIRN_OTLP_ENDPOINT").doesNotContain("CAIRN_REDIS_URI");
        assertThat(ConfigKeys.environmentNames("services/order-service")).contains("CAIRN_PRODUCTS_URL",
                "CAIRN_POSTGRES_URL", "CAIRN_POSTGRES_PASSWORD");
    }

    @Test
    void holdsNoSecretAndEnvExampleDefinesEveryVariable() {
        String text = Repo.read("docker-compose.yml");
        compose.services().forEach((name, service) -> Compose.environment(service).forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).matches()) {
                assertThat(value).as(name + " " + variable).matches("\\$\\{[A-Z0-9_]+(:?\\?[^}]*|:-)?}");
            }
            Matcher credentials = Pattern.compile("://[^:/@]*:([^@]*)@").matcher(value);
            if (credentials.find()) {
                assertThat(credentials.group(1)).as(name + " " + variable + " password").matches("\\$\\{[A-Z0-9_]+[^}]*}");
            }
        }));
        Map<String, String> example = envExample();
        for (String variable : new TreeSet<>(Compose.variables(text))) {
            assertThat(example).as(".env.example defines " + variable).containsKey(variable);
        }
        example.forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).matches()) {
                assertThat(value).as(".env.example leaves " + variable + " empty").isEmpty();
            }
        });
    }

    @Test
    void namedVolumesAreDeclaredAndBindMountsExist() {
        Set<String> declared = Compose.map(compose.file.get("volumes")).keySet();
        Set<String> used = new TreeSet<>();
        compose.services().forEach((name, service) -> {
            for (Object mount : Compose.list(service.get("volumes"))) {
                String source = String.valueOf(mount).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(Files.exists(Repo.path(source.substring(2)))).as(name + " mounts " + source).isTrue();
                } else {
                    assertThat(declared).as(name + " uses volume " + source).contains(source);
                    used.add(source);
                }
            }
        });
        assertThat(used).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(declared).contains("postgres-data", "mongo-data", "redis-data", "rabbitmq-data", "kafka-data");
    }

    @Test
    void grafanaProvisionsTheObservabilityDashboardsFromPrometheus() {
        List<String> mounts = Compose.list(compose.service("grafana").get("volumes")).stream().map(String::valueOf).toList();
        JsonNode provider = Yaml.single(Repo.path("deploy/grafana/provisioning/dashboards/cairn.yml"));
        String dashboardsPath = provider.at("/providers/0/options/path").asText();

        assertThat(mounts).contains("./deploy/grafana/dashboards:" + dashboardsPath + ":ro",
                "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(Repo.path("deploy/grafana/dashboards")).isDirectoryContaining("glob:**.json");
        String home = Compose.environment(compose.service("grafana")).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(Repo.path("deploy/grafana/dashboards").resolve(home.substring(dashboardsPath.length() + 1))).isRegularFile();
        JsonNode datasource = Yaml.single(Repo.path("deploy/grafana/provisioning/datasources/prometheus.yml"));
        Matcher url = URL_HOST_PORT.matcher(datasource.at("/datasources/0/url").asText());
        assertThat(url.find()).isTrue();
        assertThat(compose.services()).containsKey(url.group(1));
    }

    @Test
    void prometheusScrapesEveryGatewayAndServiceOnItsPortWithTheSharedRules() {
        JsonNode config = Yaml.single(Repo.path("deploy/docker/compose/prometheus.yml"));
        Set<String> targets = new TreeSet<>();
        config.path("scrape_configs").forEach(job -> job.path("static_configs")
                .forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText()))));
        Set<String> expected = new TreeSet<>();
        for (String name : CAIRN_SERVICES) {
            expected.add(name + ":" + ConfigKeys.serverPort(Compose.module(compose.service(name)).orElseThrow()));
        }

        assertThat(targets).isEqualTo(expected);
        List<String> mounts = Compose.list(compose.service("prometheus").get("volumes")).stream().map(String::valueOf).toList();
        String rules = config.path("rule_files").get(0).asText();
        assertThat(mounts).contains("./deploy/prometheus/rules.yml:/etc/prometheus/" + rules + ":ro");
        Set<String> jobs = new TreeSet<>();
        config.path("scrape_configs").forEach(job -> jobs.add(job.path("job_name").asText()));
        Set<String> localJobs = new TreeSet<>();
        Yaml.single(Repo.path("deploy/prometheus/prometheus.yml")).path("scrape_configs")
                .forEach(job -> localJobs.add(job.path("job_name").asText()));
        assertThat(jobs).as("the same job names as deploy/prometheus (the rules group by job)").isEqualTo(localJobs);
    }

    /** Published host addresses of a service as ip:port, defaults interpolated, 0.0.0.0 when no ip is given. */
    static List<String> publishedPorts(Map<String, Object> service) {
        List<String> published = new ArrayList<>();
        for (Object port : Compose.list(service.get("ports"))) {
            String[] parts = Compose.withDefaults(String.valueOf(port)).split(":");
            published.add(parts.length == 3 ? parts[0] + ":" + parts[1] : "0.0.0.0:" + parts[0]);
        }
        return published;
    }

    private static String healthcheck(Map<String, Object> service) {
        return String.join(" ", Compose.list(Compose.object(service.get("healthcheck")).get("test")).stream()
                .map(String::valueOf).toList());
    }

    private static boolean reaches(Map<String, Set<String>> edges, String from, String target, Set<String> seen) {
        for (String next : edges.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(edges, next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> envExample() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Repo.read(".env.example").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int equals = line.indexOf('=');
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }
}
