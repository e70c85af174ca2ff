package dev.cairn.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** `cairn down`: asks a running `cairn up` to stop gracefully, and waits for it. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the platform started by ./cairn up (graceful; kills what is left after --timeout).")
final class DownCommand implements Callable<Integer> {

    @Option(names = "--timeout", defaultValue = "60", description = "Seconds to wait (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        var state = RunState.read(Project.root());
        if (state.isEmpty()) {
            System.out.println("Cairn is not running.");
            return 0;
        }
        RunState run = state.get();
        ProcessHandle launcher = ProcessHandle.of(run.launcherPid()).orElse(null);
        if (launcher == null) {
            System.out.println("Cairn is not running.");
            return 0;
        }
        System.out.println("Stopping Cairn (cairn up pid " + run.launcherPid() + ") ...");
        launcher.destroy();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(timeoutSeconds));
        while (launcher.isAlive() && Instant.now().isBefore(deadline)) {
            launcher.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        if (launcher.isAlive()) {
            System.out.println("Still running after " + timeoutSeconds + " s: killing it and its processes.");
            for (RunState.Entry entry : run.processes()) {
                ProcessHandle.of(entry.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
            launcher.destroyForcibly();
            RunState.delete(Project.root());
            return 1;
        }
        System.out.println("Cairn stopped.");
        return 0;
    }
}
