package dev.cairn.gateway;

import dev.cairn.testsupport.TestTokens;

import java.util.UUID;

/** Tokens the gateway under test accepts (signed by {@link TestTokens#shared()}, whose JWKS it reads). */
final class GatewayTokens {

    private GatewayTokens() {
    }

    static String admin() {
        return TestTokens.shared().accessToken(UUID.randomUUID().toString(), "admin@test.cairn.dev", "admin", "customer");
    }

    static String customer(String id) {
        return TestTokens.shared().accessToken(id, id + "@test.cairn.dev", "customer");
    }
}
