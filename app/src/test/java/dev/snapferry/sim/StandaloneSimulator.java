package dev.snapferry.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code snapferry --simulator} started as a separate JVM process, the way a user runs it for the AWS CLI. Reads
 * the endpoint from the first line it prints.
 */
public final class StandaloneSimulator implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private StandaloneSimulator(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static StandaloneSimulator start(String... options) throws IOException {
        return start(List.of(), false, options);
    }

    /**
     * @param properties     system properties for the simulator's JVM ({@code -Dsnapferry.sim.latencyMs=50}...)
     * @param lowestPriority run it under {@code nice -n 19}: the stand-in for AWS, which in real use runs on other
     *                       machines, then takes only the processor time the measured app leaves (benchmarks)
     */
    public static StandaloneSimulator start(List<String> properties, boolean lowestPriority, String... options)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        if (lowestPriority) {
            if (!Files.isExecutable(Path.of("/usr/bin/nice"))) {
                throw new IOException("/usr/bin/nice is needed to run the simulator at the lowest priority");
            }
            command.addAll(List.of("/usr/bin/nice", "-n", "19"));
        }
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dsnapferry.log.dir=" + System.getProperty("snapferry.log.dir", "target/test-logs")));
        command.addAll(properties);
        command.addAll(List.of("dev.snapferry.app.Main", "--simulator"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            int at = line.indexOf("listening on ");
            if (at >= 0) {
                URI endpoint = URI.create(line.substring(at + "listening on ".length()).strip());
                Thread.ofVirtual().start(() -> drain(out));
                return new StandaloneSimulator(process, endpoint);
            }
        }
        process.destroyForcibly();
        throw new IOException("the simulator did not start:\n" + seen);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Steps the standalone simulator's manual clock through its control endpoint. */
    public void advanceClock(long seconds) throws IOException, InterruptedException {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                endpoint.resolve("/_sim/clock/advance?seconds=" + seconds)).POST(HttpRequest.BodyPublishers
                .noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IOException("clock not advanced: " + reply.body());
        }
    }

    /** The AWS API calls the simulator has answered so far (its control endpoint's count). */
    public long requestCount() throws IOException, InterruptedException {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                endpoint.resolve("/_sim/requests")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IOException("no request count: " + reply.body());
        }
        com.fasterxml.jackson.databind.JsonNode count = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(reply.body()).path("count");
        if (!count.canConvertToLong()) {
            throw new IOException("no request count in " + reply.body());
        }
        return count.asLong();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe empty so the simulator never blocks on its own output
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
