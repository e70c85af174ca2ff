package dev.cairn.testsupport;

import org.eclipse.microprofile.metrics.Counter;

import java.util.concurrent.atomic.AtomicLong;

/** A MicroProfile {@link Counter} outside any registry, for unit tests of code that counts. */
public final class CountingCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void inc() {
        count.incrementAndGet();
    }

    @Override
    public void inc(long n) {
        count.addAndGet(n);
    }

    @Override
    public long getCount() {
        return count.get();
    }
}
