package dev.snapferry.ui.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.KmsKeyState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CopyContext;
import dev.snapferry.core.rules.CopyRules;
import dev.snapferry.core.rules.KmsRules;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine x same or cross region x encrypted or not x own or shared source x no key, a usable key, a
 * disabled key or a key of another region: the wizard lets the copy through exactly when {@code core.rules} does,
 * shows the matrix's key requirement, and never lets a refused copy reach Finish without a message at a field.
 * The destination here is an in-memory {@link CopyGateway}, so that the 192 combinations run in a second or two.
 */
class CopyWizardCombinationsTest {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();
    private static final Messages MESSAGES = Messages.load(Locale.ROOT);
    private static final AccountRef OWN = new AccountRef("111122223333", "prod", false);
    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final RegionRef WEST = new RegionRef("us-west-2");

    enum KeyChoice { NONE, USABLE, DISABLED, OTHER_REGION }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            for (boolean cross : new boolean[] {false, true}) {
                for (boolean encrypted : new boolean[] {false, true}) {
                    for (boolean shared : new boolean[] {false, true}) {
                        for (KeyChoice key : KeyChoice.values()) {
                            all.add(Arguments.of(engine, cross, encrypted, shared, key));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} cross={1} encrypted={2} shared={3} key={4}")
    @MethodSource("combinations")
    void theWizardAgreesWithTheRules(Engine engine, boolean cross, boolean encrypted, boolean shared,
                                     KeyChoice keyChoice) {
        Snapshot source = source(engine, encrypted, shared);
        RegionRef destination = cross ? WEST : EAST;
        KmsKey usable = key("usable", destination, KmsKeyState.ENABLED);
        KmsKey disabled = key("disabled", destination, KmsKeyState.DISABLED);
        KmsKey elsewhere = key("elsewhere", cross ? EAST : WEST, KmsKeyState.ENABLED);
        // One open account with two regions, no snapshot names taken, and these keys.
        InMemoryCopyGateway gateway = new InMemoryCopyGateway(OWN, List.of(EAST, WEST));
        gateway.add(usable);
        gateway.add(disabled);
        CopyWizardViewModel wizard = new CopyWizardViewModel(List.of(source), MATRIX, gateway,
                new SameThreadTaskRunner(), (millis, action) -> () -> { }, MESSAGES,
                Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC), null);
        wizard.destinationStep().regionProperty().set(destination);
        boolean regionAllowed = CopyRules.checkDestination(MATRIX.forEngine(engine),
                new CopyContext(source, OWN.accountId(), destination, null, null)).isEmpty();
        assertThat(wizard.destinationStep().regions()).filteredOn(c -> c.region().equals(destination)).singleElement()
                .satisfies(c -> assertThat(c.enabled()).isEqualTo(regionAllowed));
        if (!regionAllowed) {
            assertThat(wizard.destinationStep().regionProperty().get()).as("a refused region is never chosen")
                    .isNotEqualTo(destination);
            return;
        }
        KmsKey chosen = switch (keyChoice) {
            case NONE -> null;
            case USABLE -> usable;
            case DISABLED -> disabled;
            case OTHER_REGION -> elsewhere;
        };
        wizard.keyStep().keyProperty().set(chosen);
        KmsKey effective = wizard.keyStep().keyProperty().get();
        if (keyChoice == KeyChoice.DISABLED) {
            assertThat(effective).as("a disabled key cannot be chosen").isNull();
        }

        CopyRequest request = new CopyRequest(source, OWN, destination,
                wizard.targets().getFirst().nameProperty().get(), effective == null ? null : effective.arn(), true,
                List.of());
        List<Problem> errors = CopyRules.validate(MATRIX, request, effective, Set.of()).stream()
                .filter(Problem::isError).toList();
        assertThat(wizard.canFinish().get()).as("Finish follows the rules: %s", errors).isEqualTo(errors.isEmpty());
        for (Problem error : errors) {
            String shown = error.field().equals(KmsRules.FIELD) ? wizard.keyStep().kmsProblemProperty().get()
                    : error.field().equals(CopyRules.DESTINATION_REGION)
                    ? wizard.destinationStep().regionProblemProperty().get()
                    : wizard.destinationStep().targetProblemProperty().get();
            assertThat(shown).as("%s is shown at its field", error.code()).isNotEmpty();
        }
        String need = KmsRules.requirement(MATRIX.forEngine(engine), new CopyContext(source, OWN.accountId(),
                destination, null, null)).need().name();
        assertThat(wizard.keyStep().kmsNeedProperty().get()).isEqualTo(MESSAGES.get("copy.kms.need." + need));
    }

    private static Snapshot source(Engine engine, boolean encrypted, boolean shared) {
        String owner = shared ? "444455556666" : OWN.accountId();
        String id = "orders-2026";
        String arn = engine.api() == dev.snapferry.core.model.ApiFamily.DOCDB_ELASTIC
                ? "arn:aws:docdb-elastic:us-east-1:" + owner + ":cluster-snapshot/" + id
                : "arn:aws:rds:us-east-1:" + owner + ":cluster-snapshot:" + id;
        return new Snapshot(id, arn, OWN.accountId(), EAST, engine, "1", "orders",
                shared ? SnapshotType.SHARED : SnapshotType.MANUAL, SnapshotStatus.available(), Instant.EPOCH,
                encrypted, encrypted ? "arn:aws:kms:us-east-1:" + owner + ":key/source" : null, List.of(), null, 20,
                null, null, false);
    }

    private static KmsKey key(String id, RegionRef region, KmsKeyState state) {
        return new KmsKey(id, "arn:aws:kms:" + region.code() + ":111122223333:key/" + id, List.of("alias/" + id),
                region, state, false);
    }
}
