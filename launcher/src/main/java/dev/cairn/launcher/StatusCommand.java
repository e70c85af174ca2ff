package dev.cairn.launcher;

import dev.cairn.launcher.process.Readiness;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** `cairn status`: what `cairn up` runs and whether each process is ready. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show whether the local platform runs and whether each process is ready.",
                "Exit status: 0 all ready, 1 some not ready, 3 not running."})
final class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        var state = RunState.read(Project.root());
        if (state.isEmpty()) {
            System.out.println("Cairn is not running. Start it with ./cairn up");
            return 3;
        }
        RunState run = state.get();
        System.out.printf("Cairn is running (cairn up pid %d, up %s)%n", run.launcherPid(),
                format(Duration.between(run.startedAt(), Instant.now())));
        System.out.printf("%-18s %-6s %-8s %s%n", "PROCESS", "PORT", "PID", "READY");
        Readiness readiness = new Readiness();
        boolean allUp = true;
        for (RunState.Entry entry : run.processes()) {
            boolean alive = ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false);
            String ready;
            if (!alive) {
                ready = "EXITED";
            } else {
                var status = readiness.check("127.0.0.1", entry.port());
                ready = status.state() == Readiness.State.UP ? "UP" : status.state() + " " + status.detail();
            }
            allUp &= "UP".equals(ready);
            System.out.printf("%-18s %-6d %-8d %s%n", entry.name(), entry.port(), entry.pid(), ready);
        }
        System.out.println();
        System.out.printf("%-18s %s%n", "DATASTORE", "URL");
        run.datastores().forEach((name, url) -> System.out.printf("%-18s %s%n", name, url));
        return allUp ? 0 : 1;
    }

    private static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min";
    }
}
