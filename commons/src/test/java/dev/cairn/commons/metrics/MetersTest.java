package dev.cairn.commons.metrics;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MetersTest {

    private final AtomicInteger registering = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger registrations = new AtomicInteger();

    @Test
    void newMetersAreRegisteredOneAtATimeAndKnownOnesWithoutAskingTheRegistry() throws InterruptedException {
        MetricRegistry registry = registry();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 200; i++) {
                    Meters.counter(registry, "cairn_test_total", new Tag("n", Integer.toString(i))).inc();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(mostAtOnce.get()).as("registrations running at the same time").isEqualTo(1);
        assertThat(registrations.get()).as("one per distinct meter").isEqualTo(200);
        Counter first = Meters.counter(registry, "cairn_test_total", new Tag("n", "0"));
        assertThat(Meters.counter(registry, "cairn_test_total", new Tag("n", "0"))).isSameAs(first);
        assertThat(first.getCount()).isEqualTo(8);
        assertThat(registrations.get()).isEqualTo(200);
    }

    private MetricRegistry registry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetricRegistry.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("counter")) {
                        return method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                : method.getName().equals("equals") ? proxy == args[0] : null;
                    }
                    int now = registering.incrementAndGet();
                    mostAtOnce.accumulateAndGet(now, Math::max);
                    Thread.onSpinWait();
                    registrations.incrementAndGet();
                    registering.decrementAndGet();
                    return counter();
                });
    }

    private static Counter counter() {
        AtomicInteger count = new AtomicInteger();
        return (Counter) Proxy.newProxyInstance(MetersTest.class.getClassLoader(), new Class<?>[] {Counter.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "inc" -> {
                        count.incrementAndGet();
                        yield null;
                    }
                    case "getCount" -> (long) count.get();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
