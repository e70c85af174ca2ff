package dev.cairn.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunStateTest {

    @TempDir
    Path root;

    @Test
    void roundTripsAndRedactsPasswords() throws Exception {
        RunState state = new RunState(ProcessHandle.current().pid(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                List.of(new RunState.Entry("gateway", 8080, 42)),
                Map.of("rabbitmq", "amqp://guest:guest@127.0.0.1:5672"));
        state.write(root);

        RunState read = RunState.read(root).orElseThrow();

        assertThat(read.launcherPid()).isEqualTo(state.launcherPid());
        assertThat(read.startedAt()).isEqualTo(state.startedAt());
        assertThat(read.processes()).containsExactly(new RunState.Entry("gateway", 8080, 42));
        assertThat(read.datastores()).containsEntry("rabbitmq", "amqp://guest:***@127.0.0.1:5672");
    }

    @Test
    void ignoresTheStateOfALauncherThatIsGone() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        new RunState(finished.pid(), Instant.now(), List.of(), Map.of()).write(root);

        assertThat(RunState.read(root)).isEmpty();
    }
}
