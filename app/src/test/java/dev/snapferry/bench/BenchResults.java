package dev.snapferry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Collects benchmark figures into {@code target/bench/results.json} (every benchmark of the {@code bench} profile
 * adds its rows) and prints each with its reference and ratio.
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

    private static final Path FILE = Path.of("target", "bench", "results.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    private static synchronized Result record(Result result) {
        try {
            Files.createDirectories(FILE.getParent());
            List<Result> all = new ArrayList<>();
            if (Files.exists(FILE)) {
                all.addAll(Arrays.asList(JSON.readValue(FILE.toFile(), Result[].class)));
            }
            all.removeIf(r -> r.name().equals(result.name()));
            all.add(result);
            Path temp = Files.createTempFile(FILE.getParent(), "results", ".tmp");
            JSON.writeValue(temp.toFile(), all);
            Files.move(temp, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf(Locale.ROOT, "BENCH %-48s %10.1f %-4s | reference %-44s %10.1f | ratio %6.2f | %-14s %s%n",
                result.name(), result.value(), result.unit(), result.reference(), result.referenceValue(),
                result.ratio(), result.target(), result.met() ? "MET" : "NOT MET");
        return result;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
