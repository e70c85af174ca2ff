package dev.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** What the figures were measured on: CPU model and count, memory, JVM, date. */
public final class Machine {

    private Machine() {
    }

    public static String describe() {
        String cpu = "unknown CPU";
        long cores = Runtime.getRuntime().availableProcessors();
        String memory = "";
        try {
            List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
            cpu = cpuinfo.stream().filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
            cores = cpuinfo.stream().filter(line -> line.startsWith("processor")).count();
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .findFirst().map(line -> String.format(Locale.ROOT, ", %.0f GiB RAM",
                            Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: the JVM's view is all there is
        }
        String java = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
        String load = "";
        try {
            load = ", load average at the start " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            // no /proc
        }
        return "Machine: " + cores + " × " + cpu + memory + "; " + java + " (`java -version` of `$JAVA_HOME`); "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + load + "; measured "
                + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + ". Load generator, datastores and the processes measured all share these cores.";
    }
}
