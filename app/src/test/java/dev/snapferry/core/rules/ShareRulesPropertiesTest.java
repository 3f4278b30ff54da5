package dev.snapferry.core.rules;

import static dev.snapferry.core.model.SnapshotFixtures.OWN_ACCOUNT;
import static dev.snapferry.core.model.SnapshotFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link SharingRules} over typed account ids, listed accounts and every kind of snapshot. */
class ShareRulesPropertiesTest {

    /** What an account id is, written apart from the code: twelve ASCII digits once dashes and spaces are gone. */
    private static final Pattern ORACLE = Pattern.compile("[0-9]{12}");

    @Property(tries = 2000)
    void anAccountIsRefusedExactlyForTheFirstRuleItBreaks(@ForAll("typed") String typed,
                                                          @ForAll @IntRange(max = 22) int alreadyListed) {
        Set<String> listed = java.util.stream.IntStream.range(0, alreadyListed)
                .mapToObj(i -> String.format("%012d", 500_000_000_000L + i)).collect(Collectors.toSet());
        String id = typed.replace("-", "").replaceAll("\\s", "");
        Optional<ProblemCode> expected = id.isEmpty() ? Optional.empty()
                : !ORACLE.matcher(id).matches() ? Optional.of(ProblemCode.SHARE_ACCOUNT_NOT_TWELVE_DIGITS)
                : id.equals(OWN_ACCOUNT) ? Optional.of(ProblemCode.SHARE_ACCOUNT_IS_OWNER)
                : listed.contains(id) ? Optional.of(ProblemCode.SHARE_ACCOUNT_ALREADY_LISTED)
                : listed.size() >= 20 ? Optional.of(ProblemCode.SHARE_ACCOUNT_TOO_MANY)
                : Optional.empty();
        assertThat(SharingRules.checkAccount(typed, OWN_ACCOUNT, listed).map(Problem::code)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(10).ofMaxLength(14);
        Arbitrary<String> dashed = Arbitraries.strings().withChars("0123456789").ofLength(12)
                .map(d -> d.substring(0, 4) + "-" + d.substring(4, 8) + " " + d.substring(8));
        Arbitrary<String> near = Arbitraries.of(OWN_ACCOUNT, "1234-5678-9012", "500000000003", "5000 0000 0019",
                "", " ", "all", "arn:aws:iam::123456789012:root", "１２３４５６７８９０１２", "12345678901\u0663");
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(20);
        return Arbitraries.oneOf(digits, dashed, near, anything);
    }

    @Property(tries = 300)
    void onlyOwnManualSnapshotsOfTheRdsFamilyCanBeShared(@ForAll Engine engine, @ForAll SnapshotType type,
                                                         @ForAll boolean foreign) {
        Snapshot s = snapshot().engine(engine).type(type).owner(foreign ? "210987654321" : OWN_ACCOUNT).build();
        Optional<ProblemCode> why = SharingRules.unshareable(s).map(Problem::code);
        if (engine == Engine.DOCUMENTDB_ELASTIC) {
            assertThat(why).contains(ProblemCode.SHARE_ELASTIC_UNSUPPORTED);
        } else if (foreign || type.isForeign()) {
            assertThat(why).contains(ProblemCode.SHARE_NOT_OWNER);
        } else if (type != SnapshotType.MANUAL) {
            assertThat(why).contains(ProblemCode.SHARE_NOT_MANUAL);
        } else {
            assertThat(why).isEmpty();
        }
    }

    @Example
    void encryptedSnapshotsCannotBePublicAndAwsManagedKeysAreWarnedAbout() {
        assertThat(SharingRules.checkPublic(snapshot().encrypted(true).build()).map(Problem::code))
                .contains(ProblemCode.SHARE_PUBLIC_ENCRYPTED);
        assertThat(SharingRules.checkPublic(snapshot().encrypted(false).build())).isEmpty();
        Snapshot managed = snapshot().encrypted(true).build().withKmsAlias("alias/aws/rds", true);
        assertThat(SharingRules.awsManagedKey(managed)).contains(Problem.of("snapshot",
                ProblemCode.SHARE_AWS_MANAGED_KEY, managed.identifier(), "alias/aws/rds"));
        assertThat(SharingRules.awsManagedKey(snapshot().encrypted(true).build().withKmsAlias("alias/dr", false)))
                .isEmpty();
        assertThat(SharingRules.normalize("1111-2222 3333")).isEqualTo("111122223333");
        assertThat(List.of(SharingRules.MAX_ACCOUNTS, SharingRules.PUBLIC)).containsExactly(20, "all");
    }
}
