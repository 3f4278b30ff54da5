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
 * and read-only failures come from the kernel, not from a stand-in (root ignores file permissions, so a read-only
 * folder has to be a read-only mount). Needs root and the {@code mount} command. Elsewhere the tests that use it
 * are skipped, and the skip says why (the report's {@code <skipped>} message, which {@code .ci/run} prints); under
 * {@code .ci/run}, which sets {@value #REQUIRED_VARIABLE}, a missing privilege fails the test instead, so CI runs
 * them or goes red.
 */
final class SmallDisk implements AutoCloseable {

    static final String REQUIRED_VARIABLE = "SNAPFERRY_CI_REQUIRES_ALL_TESTS";

    private final Path folder;
    private final Path filler;

    private SmallDisk(Path folder) {
        this.folder = folder;
        this.filler = folder.resolve("filler.bin");
    }

    static SmallDisk mount(Path folder, int kilobytes) throws IOException, InterruptedException {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        need(uid == 0, "mounting a small file system (tmpfs) needs root, and this runs as uid " + uid
                + " (CI runs as root)");
        need(onPath("mount") && onPath("umount"), "the mount and umount commands are missing (apt-get install mount)");
        Files.createDirectories(folder);
        Process process = start("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k,mode=0700", "tmpfs",
                folder.toString());
        String output = new String(process.getInputStream().readAllBytes()).strip();
        need(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0,
                "mounting a tmpfs is not allowed here, even as root (a container without CAP_SYS_ADMIN?): " + output);
        return new SmallDisk(folder);
    }

    /** Skips the test, saying why, when {@code met} is false; fails it instead under .ci/run. */
    private static void need(boolean met, String why) {
        if (met) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRED_VARIABLE))) {
            throw new AssertionError(why + "; " + REQUIRED_VARIABLE + "=1 (set by .ci/run) requires this test to run");
        }
        Assumptions.abort(why);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/bin", command)) || Files.isExecutable(Path.of("/bin", command));
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

    /** Runs a command on the mounted disk; once mounted, a refusal is a failure, not a reason to skip. */
    private static void run(String... command) throws IOException, InterruptedException {
        Process process = start(command);
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }

    private static Process start(String... command) throws IOException {
        return new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    }
}
