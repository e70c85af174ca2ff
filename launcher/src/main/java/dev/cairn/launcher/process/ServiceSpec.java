package dev.cairn.launcher.process;

import java.nio.file.Path;
import java.util.List;

/**
 * One process of the platform that `cairn up` launches.
 *
 * @param name      process name, e.g. {@code user-service}
 * @param moduleDir module directory relative to the project root
 * @param artifact  Maven artifactId (the jar is {@code target/<artifact>.jar})
 * @param port      contract port (CONTRACT.md section 2)
 */
public record ServiceSpec(String name, String moduleDir, String artifact, int port) {

    /** The gateway and the four services, in start order. */
    public static final List<ServiceSpec> PLATFORM = List.of(
            new ServiceSpec("user-service", "services/user-service", "cairn-user-service", 8081),
            new ServiceSpec("order-service", "services/order-service", "cairn-order-service", 8082),
            new ServiceSpec("product-service", "services/product-service", "cairn-product-service", 8083),
            new ServiceSpec("analytics-service", "services/analytics-service", "cairn-analytics-service", 8084),
            new ServiceSpec("gateway", "gateway", "cairn-gateway", 8080));

    /** The thin jar (its manifest class path points at {@code target/libs}). */
    public Path jar(Path projectRoot) {
        return projectRoot.resolve(moduleDir).resolve("target").resolve(artifact + ".jar");
    }

    /** The same process on a shifted port. */
    public ServiceSpec withPortOffset(int offset) {
        return new ServiceSpec(name, moduleDir, artifact, port + offset);
    }

    /** The spec with this name, if there is one. */
    public static java.util.Optional<ServiceSpec> named(String name) {
        return PLATFORM.stream().filter(s -> s.name.equals(name)).findFirst();
    }
}
