package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line modes as a script sees them, each run as its own process like the installed launcher (and
 * app/snapferry) runs it: standard output is the listing alone, parsing whole as CSV or JSON, whatever the app
 * logs; the exit status is the listing's; the standalone simulator's first line is its banner.
 */
class CommandLineOutputTest {

    @TempDir
    Path home;

    record Run(int status, String out, String err) {
    }

    Run list(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "-Dsnapferry.sim.downRegions=eu-west-1", "dev.snapferry.app.Main", "--list"));
        command.addAll(List.of(args));
        Process process = start(command);
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private Process start(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("AWS_CONFIG_FILE");
        builder.environment().remove("AWS_SHARED_CREDENTIALS_FILE");
        return builder.start();
    }

    /** Every record of the CSV, read strictly: a header, then rows of exactly as many cells. */
    static List<List<String>> csv(String text) throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            while (it.hasNext()) {
                records.add(it.next());
            }
        }
        return records;
    }

    @Test
    void theCsvListingIsAllThatStandardOutputHolds() throws Exception {
        Run run = list("--demo", "--regions", "us-east-1,us-west-2", "--format", "csv");

        assertThat(run.status()).as(run.err()).isZero();
        List<List<String>> records = csv(run.out());
        assertThat(records.getFirst()).startsWith("account", "region", "engine").endsWith("arn");
        assertThat(records).hasSizeGreaterThan(10);
        assertThat(records.subList(1, records.size())).allSatisfy(row -> {
            assertThat(row).hasSameSizeAs(records.getFirst());
            assertThat(row.get(1)).isIn("us-east-1", "us-west-2");
        });
    }

    @Test
    void theJsonListingParsesWhole() throws Exception {
        Run run = list("--demo", "--regions", "us-east-1", "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.size()).isGreaterThan(5);
        rows.forEach(row -> {
            assertThat(row.get("region").asText()).isEqualTo("us-east-1");
            assertThat(row.get("arn").asText()).startsWith("arn:aws:").contains(":us-east-1:");
        });
    }

    @Test
    void aFailedRegionGivesStatus3AndItsReasonOnStandardErrorWhileTheRestParses() throws Exception {
        Run run = list("--demo", "--regions", "us-east-1,eu-west-1", "--format", "csv");

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).contains("eu-west-1");
        List<List<String>> records = csv(run.out());
        assertThat(records).hasSizeGreaterThan(5);
        assertThat(records.subList(1, records.size())).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("us-east-1"));
    }

    @Test
    void theStandaloneSimulatorsFirstLineIsItsBanner() throws Exception {
        Process process = start(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "dev.snapferry.app.Main", "--simulator", "--port", "0"));
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            String second = out.readLine();
            assertThat(first).startsWith("Snapferry AWS simulator listening on http://127.0.0.1:");
            assertThat(second).isEqualTo("Accounts:");
            assertThat(out.readLine()).contains("AWS_ACCESS_KEY_ID=");
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
