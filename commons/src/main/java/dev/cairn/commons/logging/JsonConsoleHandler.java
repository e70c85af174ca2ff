package dev.cairn.commons.logging;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * JUL handler that writes {@link JsonLogFormatter} lines to standard output. Lines are collected and written by one
 * writer thread every {@value #WRITE_EVERY_MS} ms, in one write for all of them: a busy process (the gateway writes an
 * access-log line per request) then makes one system call per batch instead of one per line, and a request never
 * waits on a slow reader of standard output (a full pipe, a disk busy flushing) unless a whole
 * {@value #MOST_PENDING_CHARS}-character backlog is waiting, when it waits for the writer instead of dropping lines.
 * {@link #flush()} and {@link #close()} (the log manager closes its handlers at exit) write what is pending at once.
 * Its level is read from {@code dev.cairn.commons.logging.JsonConsoleHandler.level} (default {@code ALL}).
 */
public class JsonConsoleHandler extends Handler {

    static final long WRITE_EVERY_MS = 20;
    static final int MOST_PENDING_CHARS = 1 << 20;

    private final PrintStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private StringBuilder pending = new StringBuilder();
    private volatile boolean closed;

    public JsonConsoleHandler() {
        this(System.out);
    }

    JsonConsoleHandler(PrintStream out) {
        this.out = out;
        setFormatter(new JsonLogFormatter());
        String level = LogManager.getLogManager().getProperty(getClass().getName() + ".level");
        setLevel(level == null ? Level.ALL : Level.parse(level.trim()));
        Thread.ofPlatform().daemon().name("cairn-log-writer").start(this::writeEvery);
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("Cannot format log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        if (closed) {
            // after close (JVM exit): straight out, nothing is left to write it later
            write(line);
            return;
        }
        lock.lock();
        try {
            while (pending.length() > MOST_PENDING_CHARS && !closed) {
                written.await(WRITE_EVERY_MS, TimeUnit.MILLISECONDS);
            }
            pending.append(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.append(line);
        } finally {
            lock.unlock();
        }
        if (closed) {
            flush();
        }
    }

    /** Writes what is pending now (one batch after the other, in order). */
    @Override
    public void flush() {
        synchronized (out) {
            StringBuilder batch;
            lock.lock();
            try {
                if (pending.isEmpty()) {
                    return;
                }
                batch = pending;
                pending = new StringBuilder(Math.min(batch.capacity(), 64 * 1024));
                written.signalAll();
            } finally {
                lock.unlock();
            }
            write(batch);
        }
    }

    @Override
    public void close() {
        closed = true;
        flush();
    }

    private void writeEvery() {
        Duration every = Duration.ofMillis(WRITE_EVERY_MS);
        while (!closed) {
            try {
                Thread.sleep(every);
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                reportError("Cannot write log lines", e, ErrorManager.WRITE_FAILURE);
            }
        }
    }

    private void write(CharSequence lines) {
        synchronized (out) {
            out.append(lines);
            out.flush();
        }
    }
}
