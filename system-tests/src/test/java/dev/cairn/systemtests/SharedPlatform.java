package dev.cairn.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;

/**
 * One platform for every suite of the test JVM that does not break it on purpose (Failsafe runs all {@code *IT} in
 * one JVM): started by the first test that asks for a {@link Platform} parameter, kept in the root store and stopped
 * when the JVM's tests are done. A `cairn up` costs about 25 s on a small machine; starting it once keeps the suites
 * inside the CI budget. Ports 11080-11084 (offset 3000).
 */
final class SharedPlatform implements ParameterResolver {

    static final int PORT_OFFSET = 3000;

    /** Settings the suites rely on: a short gap timeout so an out-of-order event reaches the DLQ within seconds. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "CAIRN_MESSAGING_GAP_TIMEOUT", "4s",
            "CAIRN_MESSAGING_RETRY_DELAY", "200ms");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getRoot().getStore(ExtensionContext.Namespace.create(SharedPlatform.class))
                .getOrComputeIfAbsent("platform", key -> new Running(start()), Running.class).platform();
    }

    /**
     * Stops the shared platform now if this JVM started one (a suite that needs the machine for a platform of its own,
     * like ChaosIT); a later suite asking for it starts it again.
     */
    static void stopIfStarted(ExtensionContext extension) {
        Running running = extension.getRoot().getStore(ExtensionContext.Namespace.create(SharedPlatform.class))
                .remove("platform", Running.class);
        if (running != null) {
            running.close();
        }
    }

    private static Platform start() {
        try {
            return Platform.start("shared", PORT_OFFSET, ENVIRONMENT);
        } catch (Exception e) {
            throw new IllegalStateException("the shared platform did not start", e);
        }
    }

    /** Closed by JUnit when the root context closes, after the last suite. */
    private record Running(Platform platform) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            platform.close();
        }
    }
}
