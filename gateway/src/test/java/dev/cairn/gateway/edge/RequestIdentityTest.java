package dev.cairn.gateway.edge;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdentityTest {

    @Test
    void newRequestIdsAreDistinctVersionFourUuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdentity.newRequestId();
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aWellFormedClientRequestIdIsKeptAndAnyOtherReplaced() {
        assertThat(RequestIdentity.create(null, "order-42:retry.1").requestId()).isEqualTo("order-42:retry.1");
        assertThat(RequestIdentity.create(null, "two words").requestId()).matches("[0-9a-f-]{36}");
        assertThat(RequestIdentity.create(null, null).traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
}
