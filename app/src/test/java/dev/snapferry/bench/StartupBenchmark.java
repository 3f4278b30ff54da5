package dev.snapferry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Start-up of the installed application: from process start to the first frame with the demo's snapshot rows
 * drawn ({@code --smoke}), against the smallest JavaFX window started the same way (same runtime, class path and
 * display). Uses the installed copy in /opt/snapferry when there is one, else the application image the installer
 * profile builds (building it first when it is missing); needs Xvfb, and fails with the reason when something is
 * missing, never skips. Also prints the installer's and the installation's size.
 */
class StartupBenchmark {

    /** The wall-clock time (epoch ms) the process drew its first frame (with rows), which it prints. */
    private static final Pattern AT = Pattern.compile("(?:firstRowsAt|firstFrameAt)=(\\d+)");
    private static final int RUNS = 5;

    @Test
    void firstRowsAgainstAHelloWindow() throws Exception {
        Path installed = Path.of("/opt/snapferry");
        Path image = Path.of("target", "installer", "image", "Snapferry");
        if (!Files.isExecutable(installed.resolve("bin/Snapferry")) && !Files.isExecutable(image.resolve(
                "bin/Snapferry"))) {
            buildImage();
        }
        Path app = Files.isExecutable(installed.resolve("bin/Snapferry")) ? installed : image;
        if (!Files.isExecutable(Path.of("/usr/bin/Xvfb"))) {
            fail("Xvfb is needed to measure start-up on a display (apt-get install xvfb)");
        }
        Path home = Files.createTempDirectory("snapferry-startup");
        // -displayfd: Xvfb picks a free display and writes its number to standard output once it accepts
        // connections, so the benchmark starts when the server is ready, not after a guessed sleep.
        Process display = new ProcessBuilder("/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String number = new java.io.BufferedReader(new java.io.InputStreamReader(display.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            if (number == null || !number.strip().matches("\\d+")) {
                fail("Xvfb did not report a display (exit " + (display.isAlive() ? "none" : display.exitValue())
                        + ")");
            }
            String screen = ":" + number.strip();
            List<String> appCommand = List.of(app.resolve("bin/Snapferry").toString(), "--smoke");
            String classPath = String.join(":", Stream.concat(javafxJars(app.resolve("lib/app")).stream(),
                    Stream.of(Path.of("target", "test-classes").toAbsolutePath().toString())).toList());
            List<String> helloCommand = List.of(app.resolve("lib/runtime/bin/java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", classPath, HelloFirstFrame.class.getName());
            run(appCommand, home, screen);
            run(helloCommand, home, screen);
            List<Long> appTimes = new ArrayList<>();
            List<Long> helloTimes = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                appTimes.add(run(appCommand, home, screen));
                helloTimes.add(run(helloCommand, home, screen));
            }
            appTimes.sort(null);
            helloTimes.sort(null);
            System.out.println("BENCH startup runs: app " + appTimes + " ms, hello " + helloTimes + " ms");
            BenchResults.atMost("startup.firstDemoRows", appTimes.get(RUNS / 2), "ms",
                    "hello window's first frame", helloTimes.get(RUNS / 2), 2.0);
        } finally {
            display.destroy();
        }
        try (Stream<Path> debs = Files.list(Path.of("target", "installer", "out"))) {
            debs.forEach(d -> System.out.printf("BENCH installer %s: %.1f MB%n", d.getFileName(), size(d) / 1e6));
        } catch (IOException e) {
            System.out.println("BENCH installer: none built");
        }
        System.out.printf("BENCH installed size (%s): %.1f MB%n", app, size(app) / 1e6);
    }

    /**
     * Builds the application image as the installer profile does ({@code ./mvnw -Pinstaller -pl app package},
     * from this checkout, with this run's JDK): the benchmark measures the installed app, so it makes one.
     */
    private static void buildImage() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path wrapper = root.resolve("mvnw");
        if (!Files.isExecutable(wrapper)) {
            fail("no installed Snapferry and no checkout to build one from (" + wrapper + " is missing)");
        }
        System.out.println("BENCH startup: building the application image (./mvnw -Pinstaller -pl app package)");
        ProcessBuilder builder = new ProcessBuilder(wrapper.toString(), "-B", "-ntp", "-q", "-Pinstaller", "-pl",
                "app", "package").directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = builder.start();
        String output = new String(build.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!build.waitFor(20, TimeUnit.MINUTES) || build.exitValue() != 0) {
            fail("the application image could not be built:\n" + output);
        }
    }

    private static long run(List<String> command, Path home, String screen)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DISPLAY", screen);
        env.put("HOME", home.toString());
        env.remove("SNAPFERRY_SMOKE_SCREENSHOT");
        // Measured from this side's clock: a process's own start time is read on Linux from the boot time in whole
        // seconds, which can add up to a second to both figures and distort their ratio.
        long launched = System.currentTimeMillis();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        Matcher at = AT.matcher(output);
        assertThat(at.find()).as("a first frame was reported by %s: %s", command.getFirst(), output).isTrue();
        return Long.parseLong(at.group(1)) - launched;
    }

    private static List<String> javafxJars(Path lib) throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(p -> p.getFileName().toString().startsWith("javafx-")).map(Path::toString).sorted()
                    .toList();
        }
    }

    private static long size(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
