package dev.snapferry.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK search of the Maven wrapper and .ci/run ({@code .mvn/find-jdk}), run by the system's {@code sh} over a
 * made-up tree of JDKs (the folders it searches are replaced through {@code SNAPFERRY_JDK_DIRS}): a JAVA_HOME of
 * 25+ is kept, an older one is replaced by an installed JDK 25 wherever its layout puts the home, a runtime without
 * javac or an older JDK is passed over, and with none JAVA_HOME is left as it was. Then {@code ./mvnw} itself: it
 * starts Maven with the JDK found.
 */
class JdkFinderTest {

    @TempDir
    Path tree;

    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(".mvn/find-jdk"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository holding .mvn/find-jdk").isNotNull();
        return dir;
    }

    /** A JDK home at dir with the given JAVA_VERSION; java prints a line naming it, so a test sees which ran. */
    static Path fakeJdk(Path dir, String version, boolean withJavac) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        List<String> tools = withJavac ? List.of("java", "javac") : List.of("java");
        for (String tool : tools) {
            Path file = dir.resolve("bin").resolve(tool);
            Files.writeString(file, "#!/bin/sh\necho \"fake " + tool + " " + version + " at " + dir + "\"\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    record Run(int status, String out, String err) {
    }

    static Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository().toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("SNAPFERRY_JDK_DIRS");
        builder.environment().putAll(env);
        builder.environment().put("SNAPFERRY_JDK_NO_PATH", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    Run select(Map<String, String> env) throws Exception {
        return run(List.of("sh", "-c", ". .mvn/find-jdk; snapferry_select_jdk; s=$?; echo \"${JAVA_HOME:-unset}\"; "
                + "exit $s"), env);
    }

    @Test
    void anOlderJavaHomeIsReplacedByAnInstalledJdk25() throws Exception {
        Path jdk17 = fakeJdk(tree.resolve("jvm/java-17-openjdk-amd64"), "17.0.15", true);
        fakeJdk(tree.resolve("jvm/a-jre-25"), "25.0.1", false);
        fakeJdk(tree.resolve("jvm/jdk-21"), "21.0.4", true);
        Path mac = fakeJdk(tree.resolve("JavaVirtualMachines/temurin-25.jdk/Contents/Home"), "25.0.3", true);

        Run run = select(Map.of("JAVA_HOME", jdk17.toString(),
                "SNAPFERRY_JDK_DIRS", tree.resolve("jvm") + ":" + tree.resolve("JavaVirtualMachines")));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(mac.toString());
        assertThat(run.err()).contains("JAVA_HOME (" + jdk17 + ") is not one, using " + mac);
    }

    @Test
    void aJavaHomeOf25OrNewerIsKeptAndHomebrewAndSdkmanLayoutsAreFound() throws Exception {
        Path mine = fakeJdk(tree.resolve("mine"), "26", true);
        Path brew = fakeJdk(tree.resolve("opt/openjdk@25/libexec/openjdk.jdk/Contents/Home"), "25", true);
        Path sdkman = fakeJdk(tree.resolve("sdkman/candidates/java/25.0.1-tem"), "25.0.1", true);
        String dirs = tree.resolve("opt") + ":" + tree.resolve("sdkman/candidates/java");

        assertThat(select(Map.of("JAVA_HOME", mine.toString(), "SNAPFERRY_JDK_DIRS", dirs)).out().strip())
                .isEqualTo(mine.toString());
        Run unset = select(Map.of("SNAPFERRY_JDK_DIRS", dirs));
        assertThat(unset.out().strip()).isEqualTo(brew.toString());
        assertThat(unset.err()).isEmpty();
        assertThat(select(Map.of("SNAPFERRY_JDK_DIRS", tree.resolve("sdkman/candidates/java").toString()))
                .out().strip()).isEqualTo(sdkman.toString());
    }

    @Test
    void withNoJdk25TheSearchFailsAndLeavesJavaHomeAlone() throws Exception {
        Path jdk17 = fakeJdk(tree.resolve("jvm/java-17"), "17.0.15", true);
        fakeJdk(tree.resolve("jvm/jdk-1.8"), "1.8.0_402", true);

        Run run = select(Map.of("JAVA_HOME", jdk17.toString(), "SNAPFERRY_JDK_DIRS", tree.resolve("jvm").toString()));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().strip()).isEqualTo(jdk17.toString());
    }

    @Test
    void theMavenWrapperStartsMavenWithTheJdkFound() throws Exception {
        Path jdk17 = fakeJdk(tree.resolve("jvm/java-17"), "17.0.15", true);
        Path jdk25 = fakeJdk(tree.resolve("jvm/temurin-25-jdk-amd64"), "25.0.3", true);

        Run run = run(List.of("./mvnw", "-v"), Map.of("JAVA_HOME", jdk17.toString(),
                "SNAPFERRY_JDK_DIRS", tree.resolve("jvm").toString()));

        // Maven's own script runs $JAVA_HOME/bin/java: the fake one says which it is.
        assertThat(run.out()).as(run.err()).contains("fake java 25.0.3 at " + jdk25);
    }
}
