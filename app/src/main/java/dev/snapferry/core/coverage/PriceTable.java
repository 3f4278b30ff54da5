package dev.snapferry.core.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Snapshot storage prices ($ per GB-month, per engine and region) and inter-region transfer prices ($ per GB, by
 * source region), with the date and the pages they were taken from. A figure that is not in the table is unknown,
 * never guessed. The bundled table is {@code prices.json} next to this class; the user can load their own.
 */
public final class PriceTable {

    private final String asOf;
    private final String source;
    private final String provenance;
    private final Map<Engine, Map<String, Double>> storage;
    private final Map<String, Double> transfer;

    private PriceTable(String asOf, String source, String provenance, Map<Engine, Map<String, Double>> storage,
                       Map<String, Double> transfer) {
        this.asOf = asOf;
        this.source = source;
        this.provenance = provenance;
        this.storage = storage;
        this.transfer = transfer;
    }

    /** The table bundled with Snapferry, read once. */
    public static PriceTable bundled() {
        return Bundled.TABLE;
    }

    /** Read on first use (the holder idiom): the copy wizard and the Coverage tab share one table. */
    private static final class Bundled {
        static final PriceTable TABLE = load();

        private static PriceTable load() {
            try (InputStream in = PriceTable.class.getResourceAsStream("prices.json")) {
                return read(Objects.requireNonNull(in, "prices.json is missing from the application"));
            } catch (IOException e) {
                throw new IllegalStateException("the bundled price table cannot be read", e);
            }
        }
    }

    /**
     * Reads a table in the bundled format.
     *
     * @throws IOException when it is not JSON, lacks {@code asOf} or {@code source}, names an unknown engine or
     *                     region, or holds a negative price
     */
    public static PriceTable read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !root.path("asOf").isTextual() || !root.path("source").isTextual()) {
            throw new IOException("a price table needs \"asOf\" and \"source\"");
        }
        Map<Engine, Map<String, Double>> storage = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("storagePerGbMonth").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Engine engine;
            try {
                engine = Engine.valueOf(e.getKey());
            } catch (IllegalArgumentException bad) {
                throw new IOException("unknown engine in the price table: " + e.getKey(), bad);
            }
            storage.put(engine, prices(e.getValue()));
        }
        return new PriceTable(root.path("asOf").asText(), root.path("source").asText(),
                root.path("provenance").asText(""), storage, prices(root.path("transferPerGbFrom")));
    }

    private static Map<String, Double> prices(JsonNode node) throws IOException {
        Map<String, Double> result = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!RegionRef.isValidCode(e.getKey())) {
                throw new IOException("not an AWS region code in the price table: " + e.getKey());
            }
            if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
                throw new IOException("not a price for " + e.getKey() + ": " + e.getValue());
            }
            result.put(e.getKey(), e.getValue().asDouble());
        }
        return Map.copyOf(result);
    }

    public String asOf() {
        return asOf;
    }

    public String source() {
        return source;
    }

    public String provenance() {
        return provenance;
    }

    /** $ per GB-month of snapshot storage, when the table has it. */
    public OptionalDouble storage(Engine engine, RegionRef region) {
        Double price = storage.getOrDefault(engine, Map.of()).get(region.code());
        return price == null ? OptionalDouble.empty() : OptionalDouble.of(price);
    }

    /** $ per GB moved out of {@code from} to another region, when the table has it. */
    public OptionalDouble transfer(RegionRef from) {
        Double price = transfer.get(from.code());
        return price == null ? OptionalDouble.empty() : OptionalDouble.of(price);
    }
}
