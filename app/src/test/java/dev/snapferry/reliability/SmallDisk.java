package dev.snapferry.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, tiny file system (tmpfs) mounted on a folder, that a test can fill up or make read-only: the disk-full
 * and read-only failures come from the kernel, not from a stand-in. Needs root (CI runs as root); elsewhere the
 * tests that use it are skipped, saying why.
 */
final class SmallDisk implements AutoCloseable {

    private final Path folder;
    private final Path filler;

    private SmallDisk(Path folder) {
        this.folder = folder;
        this.filler = folder.resolve("filler.bin");
    }

    static SmallDisk mount(Path folder, int kilobytes) throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "mounting a small file system needs root (CI runs as root)");
        Files.createDirectories(folder);
        run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k,mode=0700", "tmpfs", folder.toString());
        return new SmallDisk(folder);
    }

    /** Writes a file until the disk refuses another byte. */
    void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // The kernel's "No space left on device": exactly what the tests want.
        }
        // Block-sized writes can leave a few bytes: take them too.
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // Full to the last byte.
        }
    }

    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    void readOnly(boolean on) throws IOException, InterruptedException {
        run("mount", "-o", "remount," + (on ? "ro" : "rw"), folder.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", folder.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            Assumptions.abort(String.join(" ", command) + " is not allowed here: " + output.strip());
        }
    }
}
