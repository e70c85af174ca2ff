package dev.cairn.user.security;

import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.security.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service accounts allowed the {@code client_credentials} grant: {@code cairn.auth.clients} lists their ids;
 * {@code cairn.auth.client.<id>.secret} (required) and {@code cairn.auth.client.<id>.roles} (default
 * {@code service}) describe each. Environment variables work too: {@code CAIRN_AUTH_CLIENT_ORDER_SERVICE_SECRET}.
 */
@ApplicationScoped
public class ServiceClients {

    /** One service account. */
    public record Client(String id, byte[] secretDigest, List<String> roles) {
    }

    private final Map<String, Client> clients = new LinkedHashMap<>();

    @Inject
    public ServiceClients(Config config) {
        for (String id : ConfigValues.list(config, "cairn.auth.clients")) {
            String secret = ConfigValues.require(config, "cairn.auth.client." + id + ".secret",
                    "set the secret of service account '" + id + "' or remove it from cairn.auth.clients");
            List<String> roles = ConfigValues.list(config, "cairn.auth.client." + id + ".roles");
            clients.put(id, new Client(id, digest(secret), roles.isEmpty() ? List.of("service") : roles));
        }
    }

    /** The client, when the id is known and the secret is right (compared in constant time). */
    public Optional<Client> authenticate(String clientId, String secret) {
        Client client = clientId == null ? null : clients.get(clientId);
        byte[] presented = digest(secret == null ? "" : secret);
        byte[] expected = client == null ? new byte[presented.length] : client.secretDigest();
        boolean matches = MessageDigest.isEqual(presented, expected);
        return client != null && matches ? Optional.of(client) : Optional.empty();
    }

    private static byte[] digest(String secret) {
        return Sha256.of(secret);
    }
}
