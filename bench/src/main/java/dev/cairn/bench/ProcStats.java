package dev.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Per-process figures from Linux's /proc. */
public final class ProcStats {

    /** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every mainstream Linux). */
    public static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** Resident set size in MiB ({@code VmRSS}), or NaN when unknown. */
    public static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** CPU seconds used so far (user + system), or NaN when unknown. */
    public static double cpuSeconds(long pid) {
        try {
            return cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat"))) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of a /proc/<pid>/stat line (fields 14 and 15; the command name may contain spaces). */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * CPU seconds used so far by the threads of process {@code pid} whose name ({@code comm}, at most 15 characters)
     * starts with {@code prefix}, e.g. {@code "C2 CompilerThre"} for HotSpot's C2 compiler threads; NaN when unknown.
     */
    public static double threadCpuSeconds(long pid, String prefix) {
        return cpuSecondsOf(Path.of("/proc/" + pid + "/task"), comm -> comm.startsWith(prefix));
    }

    /** CPU seconds used so far by every process whose command name ({@code comm}) is {@code name}. */
    public static double cpuSecondsOfAll(String name) {
        return cpuSecondsOf(Path.of("/proc"), name::equals);
    }

    /** The CPU seconds of every process or thread directory of {@code parent} whose {@code comm} matches. */
    private static double cpuSecondsOf(Path parent, Predicate<String> comm) {
        double total = 0;
        try (var entries = Files.list(parent)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    if (comm.test(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) {
                        total += cpuTicks(stat) / TICKS_PER_SECOND;
                    }
                } catch (IOException | RuntimeException e) {
                    // it ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    /** CPU seconds the whole machine has been busy (every state of /proc/stat's cpu line but idle and iowait). */
    public static double machineBusySeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
