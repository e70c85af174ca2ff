package dev.cairn.launcher;

import dev.cairn.launcher.process.ServiceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** `cairn logs <process>`: the log of one process of the local platform. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the log of one process (JSON lines): gateway, user-service, order-service, "
                + "product-service, analytics-service.")
final class LogsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROCESS", description = "gateway, user-service, order-service, "
            + "product-service or analytics-service")
    String process;

    @Option(names = {"-n", "--lines"}, defaultValue = "200", description = "How many last lines (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until Ctrl-C.")
    boolean follow;

    @Override
    public Integer call() throws Exception {
        if (ServiceSpec.named(process).isEmpty()) {
            System.err.println("cairn: no process named '" + process + "'. Use one of: "
                    + String.join(", ", ServiceSpec.PLATFORM.stream().map(ServiceSpec::name).toList()));
            return 2;
        }
        Path file = RunState.logFile(Project.root(), process);
        if (!Files.exists(file)) {
            System.err.println("cairn: no log for " + process + " yet (" + file + "). Start the platform with ./cairn up");
            return 1;
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
        if (follow) {
            follow(file, Files.size(file));
        }
        return 0;
    }

    private static void follow(Path file, long from) throws IOException, InterruptedException {
        long position = from;
        while (true) {
            long size = Files.size(file);
            if (size < position) {
                position = 0;
            }
            if (size > position) {
                try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
                    reader.seek(position);
                    byte[] bytes = new byte[(int) (size - position)];
                    reader.readFully(bytes);
                    System.out.print(new String(bytes, StandardCharsets.UTF_8));
                    System.out.flush();
                }
                position = size;
            }
            Thread.sleep(300);
        }
    }
}
