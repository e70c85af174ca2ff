package dev.cairn.commons.runtime;

import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.config.ConfigurationException;
import dev.cairn.commons.logging.LogLevel;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of every Cairn Helidon process (services and gateway): names the service for the logs, installs
 * graceful shutdown, then starts Helidon MP. A configuration error stops the process with status 2 and one log line
 * naming the key and the fix.
 */
public final class CairnMain {

    private static final Logger LOG = Logger.getLogger(CairnMain.class.getName());

    private CairnMain() {
    }

    public static void main(String[] args) {
        // JSON logging (logging.properties of commons) before anything logs.
        io.helidon.logging.common.LogConfig.configureRuntime();
        Config config = ConfigProvider.getConfig();
        config.getOptionalValue("cairn.service.name", String.class)
                .ifPresent(name -> System.setProperty("cairn.service.name", name));
        keepTransactionLogsOutOfTheWorkingDirectory(config);
        try {
            config.getOptionalValue("cairn.log.level", String.class).filter(level -> !level.isBlank())
                    .map(LogLevel::parse).ifPresent(LogLevel::apply);
            Duration grace = ConfigValues.duration(config, "cairn.shutdown.grace", Duration.ofSeconds(20));
            new GracefulShutdown(grace, System::exit).installSignalHandlers();
            io.helidon.microprofile.cdi.Main.main(args);
        } catch (RuntimeException e) {
            ConfigurationException configError = configurationError(e);
            if (configError == null) {
                throw e;
            }
            LOG.log(Level.SEVERE, "Cannot start: " + configError.getMessage());
            System.exit(2);
        }
    }

    /**
     * The JTA transaction manager (Narayana, in the services that use JPA) keeps its object store in the working
     * directory unless told otherwise; {@code cairn.transactions.dir} (default: the temporary directory) says where.
     */
    private static void keepTransactionLogsOutOfTheWorkingDirectory(Config config) {
        String service = config.getOptionalValue("cairn.service.name", String.class).orElse("cairn");
        String directory = config.getOptionalValue("cairn.transactions.dir", String.class)
                .orElse(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "cairn-transactions", service).toString());
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", directory);
        System.setProperty("com.arjuna.ats.arjuna.objectstore.objectStoreDir", directory);
    }

    private static ConfigurationException configurationError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException configError) {
                return configError;
            }
        }
        return null;
    }
}
