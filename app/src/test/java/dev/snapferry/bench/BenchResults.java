package dev.snapferry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Collects benchmark figures into {@code target/bench/results.json} and prints each with its reference and ratio.
 *
 * <p>The file describes one run: it is started afresh by the first figure of a test JVM (the bench profile runs
 * every benchmark in one), with the commit, the time, the machine's cores and the JDK, so that no figure of an
 * earlier run or another commit is ever read as this one's. Tables (how a cost grows with size) are kept beside
 * the figures. Every write replaces the file whole (a temporary file moved into place), so a run that stops half
 * way leaves the figures it measured, never a half-written file.
 */
public final class BenchResults {

    /**
     * One measured figure against a reference.
     *
     * @param target the largest (or, with {@code higherIsBetter}, smallest) acceptable ratio
     */
    public record Result(String name, double value, String unit, String reference, double referenceValue,
                         double ratio, String target, boolean met) {
    }

    /** A table of figures, one row per size (for example the listing's cost per row at each size). */
    public record Table(String name, List<String> columns, List<List<Object>> rows) {
    }

    /** What a run was measured on. */
    public record Run(String commit, boolean uncommittedChanges, String started, int cores, String jdk, String os,
                      long maxHeapMiB) {
    }

    private record File(Run run, List<Result> results, List<Table> tables) {
    }

    private static final Path FILE = Path.of("target", "bench", "results.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Run RUN = new Run(git("rev-parse", "HEAD"), !git("status", "--porcelain",
            "--untracked-files=no").isEmpty(), Instant.now().toString(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty(
                    "os.arch"), Runtime.getRuntime().maxMemory() >> 20);
    private static final List<Result> RESULTS = new ArrayList<>();
    private static final Map<String, Table> TABLES = new LinkedHashMap<>();

    static {
        System.out.printf(Locale.ROOT, "BENCH run: commit %s%s, %d cores, %s, %s, heap up to %d MiB, started %s%n",
                RUN.commit(), RUN.uncommittedChanges() ? " (with uncommitted changes)" : "", RUN.cores(), RUN.jdk(),
                RUN.os(), RUN.maxHeapMiB(), RUN.started());
        write();
    }

    private BenchResults() {
    }

    /** Records a figure whose ratio to the reference must be at most {@code maxRatio}. */
    public static Result atMost(String name, double value, String unit, String reference, double referenceValue,
                                double maxRatio) {
        double ratio = value / referenceValue;
        return record(new Result(name, value, unit, reference, referenceValue, round(ratio),
                String.format(Locale.ROOT, "ratio <= %.2f", maxRatio), ratio <= maxRatio));
    }

    /** Records a figure that must be at most {@code limit} in absolute terms (the reference is the limit). */
    public static Result below(String name, double value, String unit, double limit) {
        return record(new Result(name, value, unit, "target " + limit + " " + unit, limit, round(value / limit),
                String.format(Locale.ROOT, "<= %s %s", limit, unit), value <= limit));
    }

    /** Records a table and prints it, one line per row. */
    public static synchronized void table(String name, List<String> columns, List<List<Object>> rows) {
        TABLES.put(name, new Table(name, List.copyOf(columns), List.copyOf(rows)));
        write();
        StringBuilder text = new StringBuilder("BENCH table ").append(name).append('\n');
        text.append("BENCH   ");
        columns.forEach(c -> text.append(String.format(Locale.ROOT, "%16s", c)));
        for (List<Object> row : rows) {
            text.append("\nBENCH   ");
            row.forEach(v -> text.append(v instanceof Double d ? String.format(Locale.ROOT, "%16.2f", d)
                    : String.format(Locale.ROOT, "%16s", v)));
        }
        System.out.println(text);
    }

    private static synchronized Result record(Result result) {
        RESULTS.removeIf(r -> r.name().equals(result.name()));
        RESULTS.add(result);
        write();
        System.out.printf(Locale.ROOT, "BENCH %-48s %10.1f %-4s | reference %-44s %10.1f | ratio %6.2f | %-14s %s%n",
                result.name(), result.value(), result.unit(), result.reference(), result.referenceValue(),
                result.ratio(), result.target(), result.met() ? "MET" : "NOT MET");
        return result;
    }

    private static synchronized void write() {
        try {
            Files.createDirectories(FILE.getParent());
            Path temp = Files.createTempFile(FILE.getParent(), "results", ".tmp");
            JSON.writeValue(temp.toFile(), new File(RUN, List.copyOf(RESULTS), List.copyOf(TABLES.values())));
            Files.move(temp, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A git command's output in the working copy, or "unknown" (a run outside a checkout still records). */
    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
