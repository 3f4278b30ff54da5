package dev.snapferry.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.snapferry.app.Preferences;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.aws.AwsProfiles;
import dev.snapferry.core.jobs.JobHistory;
import dev.snapferry.core.model.Arn;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.IdentifierRules;
import dev.snapferry.core.rules.KmsKeyReference;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.core.rules.TagRules;
import dev.snapferry.core.rules.TagSpec;
import dev.snapferry.core.storage.JsonStore;
import dev.snapferry.ui.common.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Hostile text everywhere the app takes input from outside: what users type (identifiers, tag keys and values,
 * tag policy patterns, KMS key references), and the files it reads (AWS profiles, settings, job history). Unicode
 * letters, combining marks, right-to-left text, zero-width characters, lone surrogates, control characters, very
 * long strings and every spelling of the reserved prefixes. Nothing may throw past its boundary, and every refusal
 * must name its problem in words the user reads.
 */
class HostileInputTest {

    private static final Messages MESSAGES = Messages.load(Locale.ROOT);
    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();

    private Path folder;

    @BeforeTry
    void folder() throws IOException {
        folder = Files.createTempDirectory("hostile");
    }

    @AfterTry
    void clean() throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.of(
                "a", "Z", "0", "9", "-", "--", "_", ".", ":", "/", "=", "+", "@", " ", "\t", "\n", "\u0000",
                "aws:", "AWS:", "Aws:", " aws:", "aws :", "\uff41\uff57\uff53:", "a\u200bws:", "rds:", "RDS:",
                "e\u0301", "\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202e",
                "\u200b", "\u200d", "\ufeff", "\ud83d\ude00", "\ud800", "\udfff", "\u00df", "\u0130", "\u03a3",
                "\\", "\"", "'", "<", ">", "&", "%", "{", "}", "$", "*", "(", ")", "[", "]", "?", "|", "^");
        Arbitrary<String> joined = pieces.list().ofMaxSize(40).map(l -> String.join("", l));
        Arbitrary<String> repeated = Combinators.combine(pieces, Arbitraries.integers().between(60, 3_000))
                .as((p, n) -> p.repeat(n));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, joined), net.jqwik.api.Tuple.of(1, repeated),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMaxLength(300)));
    }

    @Property(tries = 600)
    void identifiersAreJudgedWithoutThrowingAndEachRefusalIsWorded(@ForAll("hostile") String text) {
        List<Problem> problems = IdentifierRules.validate("name", text);
        worded(problems);
        assertThat(IdentifierRules.isValid(text)).isEqualTo(problems.isEmpty());
        if (problems.isEmpty()) {
            // The documented rule, independently: 1 to 63 letters, digits or hyphens, a letter first, no
            // trailing hyphen and no two hyphens in a row.
            assertThat(text).matches("[A-Za-z](?:[A-Za-z0-9]|-(?!-))*").doesNotEndWith("-").hasSizeLessThan(64);
        }
        IdentifierRules.normalize(text);
        String derived = IdentifierRules.deriveTargetName(text, "copy");
        assertThat(IdentifierRules.validate("name", derived)).as("a name derived from %s", derived).isEmpty();
    }

    @Property(tries = 600)
    void tagKeysValuesAndSetsAreJudgedWithoutThrowing(@ForAll("hostile") String key, @ForAll("hostile") String value) {
        for (Engine engine : Engine.values()) {
            TagSpec spec = MATRIX.forEngine(engine).tags();
            List<Problem> keyProblems = TagRules.validateKey("key", key, spec);
            worded(keyProblems);
            worded(TagRules.validateValue("value", value, spec));
            worded(TagRules.validateAll(List.of(new Tag(key, value), new Tag(key.toUpperCase(Locale.ROOT), value)),
                    spec));
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                assertThat(keyProblems).as("a reserved prefix is refused: %s", key).isNotEmpty();
            }
        }
    }

    @Property(tries = 400)
    void aPolicyPatternIsCheckedAndAppliedWithoutThrowingOrStalling(@ForAll("hostilePattern") String pattern,
                                                                     @ForAll("hostileValue") String value) {
        // Stalling is a failure within a second, measured on a thread of its own, so that even a match that
        // would never end (a regex engine does not stop when interrupted) fails the try instead of hanging it.
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            var problem = TagRules.patternProblem(pattern);
            problem.ifPresent(p -> assertThat(p).isNotBlank());
            if (problem.isEmpty()) {
                TagPolicy policy = new TagPolicy(List.of(new TagPolicy.Rule("Owner", pattern)));
                policy.violations(snapshot(List.of(new Tag("Owner", value))));
            }
        }, () -> "checking and applying /" + pattern + "/ to a value of " + value.length() + " characters");
    }

    /**
     * Hostile text, and one time in five a pattern whose backtracking grows exponentially with the value's length,
     * beyond what Java's engine optimises away (it copes with {@code (a+)+$}, not with these).
     */
    @Provide
    Arbitrary<String> hostilePattern() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, hostile()), net.jqwik.api.Tuple.of(1,
                Arbitraries.of("(.*a){15}", "(.*x){20}")));
    }

    /** Hostile text, and one time in five a long run of the letter those patterns look for, then another. */
    @Provide
    Arbitrary<String> hostileValue() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, hostile()), net.jqwik.api.Tuple.of(1,
                Combinators.combine(Arbitraries.of("a", "x"), Arbitraries.integers().between(40, 300))
                        .as((letter, n) -> letter.repeat(n) + "!")));
    }

    @Example
    void aCatastrophicPatternDoesNotStallTheAudit() {
        // Java's engine copes with (a+)+b, not with this: 8 s for a 31-character value, hours for 60.
        TagPolicy policy = new TagPolicy(List.of(new TagPolicy.Rule("Owner", "(.*a){15}"), new TagPolicy.Rule("Team",
                "(.*x){20}")));
        long start = System.nanoTime();
        var violations = policy.violations(snapshot(List.of(new Tag("Owner", "a".repeat(60) + "b"),
                new Tag("Team", "x".repeat(250) + "y"))));
        assertThat(violations).hasSize(2);
        assertThat(System.nanoTime() - start).as("nanoseconds for two values").isLessThan(2_000_000_000L);
    }

    @Property(tries = 600)
    void keyReferencesAndArnsAreParsedWithoutThrowing(@ForAll("hostile") String text,
                                                      @ForAll("arnLike") String arn) {
        KmsKeyReference.parse(text);
        KmsKeyReference.parse(arn);
        Arn.parse(text);
        Arn.parse(arn);
    }

    @Provide
    Arbitrary<String> arnLike() {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.of("", "arn", "aws", "aws-cn", "kms", "rds",
                "us-east-1", "111122223333", "key/abc", "alias/x", "cluster-snapshot:s", ":", "::"), hostile());
        return part.list().ofMinSize(1).ofMaxSize(9).map(l -> String.join(":", l));
    }

    @Property(tries = 300)
    void profileFilesOfAnyShapeLoadWithoutThrowingAndNeverEchoASecret(@ForAll("iniLines") List<String> config,
                                                                       @ForAll("iniLines") List<String> credentials)
            throws IOException {
        Files.createDirectories(folder.resolve(".aws"));
        List<String> secretLines = new ArrayList<>(credentials);
        secretLines.add("[leaky]");
        secretLines.add("aws_secret_access_key = never-shown-secret");
        Files.write(folder.resolve(".aws/config"), String.join("\n", config).getBytes(StandardCharsets.UTF_8));
        Files.write(folder.resolve(".aws/credentials"), String.join("\r\n", secretLines)
                .getBytes(StandardCharsets.UTF_8));
        AwsProfiles profiles = AwsProfiles.load(Map.of(), folder);
        assertThat(profiles.all().toString()).doesNotContain("never-shown-secret");
        assertThat(profiles.problems()).allSatisfy(p -> assertThat(p).contains(".aws/").doesNotContain(
                "never-shown-secret"));
    }

    @Provide
    Arbitrary<List<String>> iniLines() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("[default]", "[profile a]", "[profile b]", "[sso-session s]", "[profile ]", "[",
                        "]", "[profile a", "region = us-east-1", "source_profile = a", "source_profile = b",
                        "role_arn = arn:aws:iam::111122223333:role/x", "sso_session = s", "sso_session = missing",
                        "credential_process = /bin/false", "aws_access_key_id = AKIA", "= value", "key =",
                        "\ufeff[profile c]", "  indented = yes", "# comment", "; comment", ""),
                hostile().map(s -> s + " = " + s), hostile());
        return line.list().ofMaxSize(30);
    }

    @Property(tries = 300)
    void settingsAndJobHistoryOfAnyContentLoadWithoutThrowing(@ForAll("jsonish") String content) throws IOException {
        Path settings = folder.resolve("preferences.json");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(settings, bytes);
        var loaded = new JsonStore<>(settings, Preferences.class, 1, Preferences::defaults, Clock.systemUTC())
                .load();
        assertThat(loaded.value()).isNotNull();
        if (loaded instanceof JsonStore.Loaded.SetAside<Preferences> aside) {
            assertThat(aside.reason()).isNotBlank();
            assertThat(Files.readAllBytes(aside.movedTo())).as("kept as it was").isEqualTo(bytes);
        }
        Path jobs = folder.resolve("jobs.json");
        Files.write(jobs, bytes);
        var history = new JobHistory(jobs, Clock.systemUTC()).load();
        assertThat(history.value().jobs()).isNotNull().doesNotContainNull();
        if (history instanceof JsonStore.Loaded.SetAside<JobHistory.Content> aside) {
            assertThat(aside.reason()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        String valid = "{\"schemaVersion\": 1, \"data\": {\"regions\": [\"us-east-1\"], \"theme\": \"DARK\", "
                + "\"jobs\": [], \"columns\": [{\"id\": \"engine\", \"width\": 120}]}}";
        Arbitrary<String> truncated = Arbitraries.integers().between(0, valid.length()).map(n -> valid.substring(0, n));
        Arbitrary<String> spliced = Combinators.combine(Arbitraries.integers().between(0, valid.length()),
                Arbitraries.of("null", "1e999", "-0", "\"\"", "[]", "{}", "[[[[[[[[[[[[[[[[[[[[", "\"\\ud800\"",
                        "true", "\"x\": 1,", "9223372036854775808", "\u0000")).as((n, s) ->
                valid.substring(0, n) + s + valid.substring(n));
        Arbitrary<String> wrongShape = Arbitraries.of("[]", "null", "42", "\"text\"", "{\"schemaVersion\": 2}",
                "{\"schemaVersion\": 1}", "{\"schemaVersion\": 1, \"data\": null}",
                "{\"schemaVersion\": 1, \"data\": {\"jobs\": [null, {}]}}",
                "{\"schemaVersion\": 1, \"data\": {\"jobs\": [{\"state\": \"NOT_A_STATE\"}]}}",
                "{\"schemaVersion\": 1, \"data\": {\"regions\": \"us-east-1\", \"unknown\": {\"deep\": [1]}}}",
                "[".repeat(5_000));
        return Arbitraries.oneOf(truncated, spliced, wrongShape, hostile());
    }

    /** Every problem resolves to a sentence of the bundle, not to its key. */
    private static void worded(List<Problem> problems) {
        for (Problem problem : problems) {
            String text = MESSAGES.get(problem.messageKey(), problem.args().toArray());
            assertThat(text).as(problem.toString()).isNotBlank().doesNotStartWith("[");
        }
    }

    private static Snapshot snapshot(List<Tag> tags) {
        return new Snapshot("s", "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:s", "111122223333",
                new RegionRef("us-east-1"), Engine.values()[0], "1", "c", SnapshotType.MANUAL,
                SnapshotStatus.available(), Instant.EPOCH, false, null, tags, null, 10, null, null, false);
    }
}
