package dev.cairn.systemtests;

import dev.cairn.testsupport.TestInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ virtual host of its own for one test platform, so its durable queues ({@code user-service.order-events}
 * ...) are not shared with another platform or with service tests running at the same time against the same broker
 * (which would take the platform's messages). Made with {@code rabbitmqctl} when it is available, deleted afterwards;
 * without it, the broker's default vhost is used and the platform needs the broker to itself.
 */
final class RabbitVhost implements AutoCloseable {

    private final String name;
    private final String url;

    private RabbitVhost(String name, String url) {
        this.name = name;
        this.url = url;
    }

    static RabbitVhost create(String name) {
        URI broker = URI.create(TestInfrastructure.rabbitmqUrl());
        String user = broker.getUserInfo() == null ? "guest" : broker.getUserInfo().split(":")[0];
        boolean local = List.of("127.0.0.1", "localhost").contains(broker.getHost());
        if (local && rabbitmqctl("add_vhost", name) && rabbitmqctl("set_permissions", "-p", name, user, ".*", ".*", ".*")) {
            String base = broker.getScheme() + "://" + (broker.getRawUserInfo() == null ? "" : broker.getRawUserInfo() + "@")
                    + broker.getHost() + ":" + (broker.getPort() < 0 ? 5672 : broker.getPort());
            return new RabbitVhost(name, base + "/" + name);
        }
        System.out.println("[system-tests] rabbitmqctl is not usable here: platform " + name
                + " shares the broker's default vhost (run nothing else against it meanwhile)");
        return new RabbitVhost(null, TestInfrastructure.rabbitmqUrl());
    }

    /** A URL chosen by the caller (no vhost of its own to make or delete). */
    static RabbitVhost given(String url) {
        return new RabbitVhost(null, url);
    }

    /** The AMQP URL with the vhost. */
    String url() {
        return url;
    }

    private static boolean rabbitmqctl(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (name != null) {
            rabbitmqctl("delete_vhost", name);
        }
    }
}
