package dev.snapferry.core.rules;

import static dev.snapferry.core.model.SnapshotFixtures.AP_SOUTHEAST_2;
import static dev.snapferry.core.model.SnapshotFixtures.EU_WEST_1;
import static dev.snapferry.core.model.SnapshotFixtures.OWN_ACCOUNT;
import static dev.snapferry.core.model.SnapshotFixtures.US_EAST_1;
import static dev.snapferry.core.model.SnapshotFixtures.key;
import static dev.snapferry.core.model.SnapshotFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.KmsKeyState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.rules.KmsRequirement.Need;
import dev.snapferry.core.rules.KmsRequirement.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine against every KMS situation of a copy, checked against an oracle written from AWS-RULES.md and the
 * engine's matrix entry rather than from {@link KmsRules}.
 */
class KmsRulesMatrixTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final RegionRef SOURCE_REGION = US_EAST_1;

    enum Where { SAME_REGION, CROSS_REGION }

    enum Owner { OWN, SHARED }

    enum KeyChoice { NO_KEY, GOOD_KEY, DISABLED_KEY, WRONG_REGION_KEY }

    static Stream<Arguments> situations() {
        List<Arguments> all = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            for (Where where : Where.values()) {
                for (boolean encrypted : new boolean[] {true, false}) {
                    for (Owner owner : Owner.values()) {
                        for (KeyChoice key : KeyChoice.values()) {
                            all.add(Arguments.of(engine, where, encrypted, owner, key));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    /** What the copy needs, straight from the rules: the matrix decides each engine's flags. */
    private static KmsRequirement expectedRequirement(EngineCapabilities caps, Where where, boolean encrypted,
                                                      Owner owner) {
        if (!encrypted) {
            return caps.kmsKeyWithUnencryptedSource() == UnencryptedKeyRule.ERROR
                    ? new KmsRequirement(Need.FORBIDDEN, Reason.UNENCRYPTED_ERROR)
                    : new KmsRequirement(Need.OPTIONAL, Reason.UNENCRYPTED_ENCRYPTS);
        }
        if (where == Where.CROSS_REGION && caps.crossRegionEncryptedRequiresKey()) {
            return new KmsRequirement(Need.REQUIRED, Reason.CROSS_REGION_ENCRYPTED);
        }
        if (owner == Owner.SHARED && caps.sharedEncryptedRequiresKey()) {
            return new KmsRequirement(Need.REQUIRED, Reason.SHARED_ENCRYPTED);
        }
        return new KmsRequirement(Need.OPTIONAL, Reason.SAME_REGION_ENCRYPTED);
    }

    /** The one KMS error the copy has, or null when it has none. */
    private static ProblemCode expectedError(KmsRequirement requirement, KeyChoice key) {
        return switch (key) {
            case NO_KEY -> requirement.need() == Need.REQUIRED ? ProblemCode.KMS_KEY_REQUIRED : null;
            case GOOD_KEY -> requirement.need() == Need.FORBIDDEN ? ProblemCode.KMS_KEY_FORBIDDEN : null;
            case DISABLED_KEY -> requirement.need() == Need.FORBIDDEN
                    ? ProblemCode.KMS_KEY_FORBIDDEN : ProblemCode.KMS_KEY_NOT_USABLE;
            case WRONG_REGION_KEY -> requirement.need() == Need.FORBIDDEN
                    ? ProblemCode.KMS_KEY_FORBIDDEN : ProblemCode.KMS_KEY_WRONG_REGION;
        };
    }

    @ParameterizedTest(name = "{0} {1} encrypted={2} {3} {4}")
    @MethodSource("situations")
    void kmsOutcomeFollowsTheMatrix(Engine engine, Where where, boolean encrypted, Owner owner, KeyChoice choice) {
        EngineCapabilities caps = MATRIX.forEngine(engine);
        RegionRef destination = where == Where.SAME_REGION ? SOURCE_REGION : EU_WEST_1;
        var builder = snapshot().engine(engine).region(SOURCE_REGION).encrypted(encrypted);
        Snapshot source = (owner == Owner.SHARED ? builder.sharedFromOtherAccount() : builder).build();
        KmsKey key = switch (choice) {
            case NO_KEY -> null;
            case GOOD_KEY -> key(destination, "alias/copies");
            case DISABLED_KEY -> key(destination, KmsKeyState.DISABLED, false, "alias/retired");
            case WRONG_REGION_KEY -> key(AP_SOUTHEAST_2, "alias/copies");
        };
        CopyContext ctx = new CopyContext(source, OWN_ACCOUNT, destination, key == null ? null : key.arn(), key);

        KmsRequirement expected = expectedRequirement(caps, where, encrypted, owner);
        assertEquals(expected, KmsRules.requirement(caps, ctx));
        ProblemCode error = expectedError(expected, choice);
        List<ProblemCode> actual = KmsRules.validate(caps, ctx).stream().map(Problem::code).toList();
        assertEquals(error == null ? List.of() : List.of(error), actual);
    }
}
