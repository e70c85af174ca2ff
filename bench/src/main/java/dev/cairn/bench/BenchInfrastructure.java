package dev.cairn.bench;

import dev.cairn.launcher.infra.Databases;
import dev.cairn.testsupport.TestInfrastructure;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The datastores of the benchmarks ({@link TestInfrastructure}: the local servers, else in-process stand-ins), kept
 * apart from anything else using the same servers: each service gets a database of its own ({@code cairn_bench_*})
 * and RabbitMQ traffic goes to the virtual host {@code cairn-bench} when {@code rabbitmqctl} may create it. Otherwise
 * a test or a {@code ./cairn up} running at the same time would consume the benchmark's events and pick up its sagas.
 */
public final class BenchInfrastructure {

    static final String VHOST = "cairn-bench";
    private static volatile String rabbitmqUrl;

    private BenchInfrastructure() {
    }

    /** The PostgreSQL database of {@code service} in the benchmarks. */
    static String database(String service) {
        return "cairn_bench_" + service.replace("-service", "").replace('-', '_');
    }

    /**
     * Environment for {@code service}: PostgreSQL (its own database), Redis, RabbitMQ, and, when asked for, MongoDB
     * and Kafka (in-process in this JVM unless a local server listens).
     */
    static Map<String, String> environment(String service, boolean mongo, boolean kafka) {
        Map<String, String> environment = new LinkedHashMap<>();
        String postgres = TestInfrastructure.postgresUrl();
        Databases.ensure(postgres, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword(),
                List.of(database(service)));
        environment.put("CAIRN_POSTGRES_URL", postgres);
        environment.put("CAIRN_POSTGRES_USER", TestInfrastructure.postgresUser());
        environment.put("CAIRN_POSTGRES_PASSWORD", TestInfrastructure.postgresPassword());
        environment.put("CAIRN_POSTGRES_DATABASE", database(service));
        environment.put("CAIRN_REDIS_URL", TestInfrastructure.redisUrl());
        environment.put("CAIRN_RABBITMQ_URL", rabbitmqUrl());
        if (mongo) {
            environment.put("CAIRN_MONGO_URI", TestInfrastructure.mongoUri());
        }
        if (kafka) {
            environment.put("CAIRN_KAFKA_BOOTSTRAP", TestInfrastructure.kafkaBootstrap());
        }
        return environment;
    }

    /** The RabbitMQ URL, in the {@code cairn-bench} virtual host when it could be created. */
    static String rabbitmqUrl() {
        if (rabbitmqUrl == null) {
            String shared = TestInfrastructure.rabbitmqUrl();
            boolean local = shared.contains("@127.0.0.1:5672") || shared.contains("@localhost:5672");
            if (local) {
                rabbitmqctl("add_vhost", VHOST); // fails harmlessly when it exists
            }
            if (local && rabbitmqctl("set_permissions", "-p", VHOST, "guest", ".*", ".*", ".*")) {
                rabbitmqUrl = shared.replaceAll("/+$", "") + "/" + VHOST;
            } else {
                System.out.println("bench: RabbitMQ's default virtual host is shared with whatever else runs now");
                rabbitmqUrl = shared;
            }
        }
        return rabbitmqUrl;
    }

    private static boolean rabbitmqctl(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
