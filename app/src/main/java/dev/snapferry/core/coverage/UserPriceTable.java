package dev.snapferry.core.coverage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * The user's own price table: one file ({@code prices.json} in the config folder) that replaces the bundled table
 * while it exists. A table chosen elsewhere is read and checked in full before it is copied there, and the copy is
 * written beside the file and moved over it in one step, so that a file half written (by the user's editor, or by
 * this copy when the disk fills up) never takes the place of a table that worked.
 */
public final class UserPriceTable {

    private final Path file;

    public UserPriceTable(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    /** Reads a table in the bundled format from {@code path}; {@link PriceTable#read} says what it refuses. */
    public static PriceTable read(Path path) throws IOException {
        try (var in = Files.newInputStream(path)) {
            return PriceTable.read(in);
        }
    }

    /** The user's table, or null when there is none (the bundled one applies). */
    public @org.jspecify.annotations.Nullable PriceTable load() throws IOException {
        return Files.isRegularFile(file) ? read(file) : null;
    }

    /**
     * Makes the table in {@code chosen} the user's: reads it once, checks it, and puts those very bytes in place
     * atomically. Nothing changes when it cannot be read or is not a valid table.
     */
    public PriceTable install(Path chosen) throws IOException {
        byte[] bytes = Files.readAllBytes(chosen);
        PriceTable table = PriceTable.read(new ByteArrayInputStream(bytes));
        Path folder = Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a folder");
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return table;
    }

    /** Goes back to the bundled table: the user's file is removed (choosing it again undoes this). */
    public void remove() throws IOException {
        Files.deleteIfExists(file);
    }
}
