package dev.cairn.gateway.edge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/orders", "/api/v1/products/42/reviews", "/", "/a-b_c.d~e/%20x"})
    void normalPathsPass(String path) {
        assertThat(RequestPaths.problem(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "/a/../b", "/a/./b", "/a/..", "/a//b", "/a%2Fb", "/a%2fb", "/a%5Cb", "/%2e%2e/x",
            "/a%252e", "/a%00", "/a\\b", "/a\tb"})
    void trickyPathsAreRefused(String path) {
        assertThat(RequestPaths.problem(path)).as(path).isPresent();
    }
}
