package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logging goes to a real file in the log folder (the build points {@code snapferry.log.dir} at target/). */
class LoggingTest {

    @Test
    void aLogLineReachesTheLogFile() throws IOException {
        String marker = "logging-test-" + UUID.randomUUID();
        LoggerFactory.getLogger(LoggingTest.class).info("{}", marker);

        Path file = Path.of(System.getProperty("snapferry.log.dir"), "snapferry.log");
        assertThat(file).exists();
        assertThat(Files.readString(file)).contains(marker);
    }
}
