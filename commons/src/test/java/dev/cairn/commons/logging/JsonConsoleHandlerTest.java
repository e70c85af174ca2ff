package dev.cairn.commons.logging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class JsonConsoleHandlerTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void linesFromManyThreadsArriveWholeAndInTheirOrderWithinAFewWrites() throws InterruptedException {
        JsonConsoleHandler handler = new JsonConsoleHandler(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 500; i++) {
                    handler.publish(new LogRecord(Level.INFO, "thread " + thread + " line " + i));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> lines().size() == 2000);
        for (int t = 0; t < 4; t++) {
            String prefix = "thread " + t + " line ";
            List<Integer> order = lines().stream().filter(line -> line.contains(prefix))
                    .map(line -> Integer.parseInt(line.replaceAll(".*" + prefix + "(\\d+).*", "$1"))).toList();
            assertThat(order).hasSize(500).isSorted();
        }
        assertThat(lines()).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        handler.close();
    }

    @Test
    void flushAndCloseWriteWhatIsPendingAtOnceAndLaterLinesGoStraightOut() {
        JsonConsoleHandler handler = new JsonConsoleHandler(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        handler.publish(new LogRecord(Level.INFO, "first"));
        handler.flush();
        assertThat(lines()).hasSize(1).first().asString().contains("\"message\":\"first\"");
        handler.publish(new LogRecord(Level.INFO, "second"));
        handler.close();
        assertThat(lines()).hasSize(2);
        handler.publish(new LogRecord(Level.INFO, "after close"));
        assertThat(lines()).hasSize(3).last().asString().contains("after close");
    }

    @Test
    void aStalledOutputDoesNotHoldUpTheLoggingThreads() throws InterruptedException {
        CountDownLatch unblocked = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) {
                writing.countDown();
                try {
                    unblocked.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                bytes.write(buffer, offset, length);
            }
        };
        JsonConsoleHandler handler = new JsonConsoleHandler(new PrintStream(stalled, true, StandardCharsets.UTF_8));
        handler.publish(new LogRecord(Level.INFO, "stalls the writer"));
        assertThat(writing.await(5, TimeUnit.SECONDS)).as("the writer thread is stuck in a write").isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 100; i++) {
                handler.publish(new LogRecord(Level.INFO, "queued " + i));
            }
        });

        unblocked.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> lines().size() == 101);
        handler.close();
    }

    private List<String> lines() {
        String text;
        synchronized (bytes) {
            text = bytes.toString(StandardCharsets.UTF_8);
        }
        return text.lines().filter(line -> !line.isBlank()).toList();
    }
}
