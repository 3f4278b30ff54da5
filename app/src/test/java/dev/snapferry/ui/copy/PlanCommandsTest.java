package dev.snapferry.ui.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.rules.CrossAccountPlanner.Step;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each step of a cross-account plan as the AWS CLI command that does it (the CLI reference's own spellings:
 * modify-db-cluster-snapshot-attribute --attribute-name restore --values-to-add, kms get-key-policy --policy-name
 * default), run with the profile of the account the step belongs to.
 */
class PlanCommandsTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final RegionRef WEST = new RegionRef("us-west-2");
    private static final Map<String, AccountRef> OPEN = Map.of(
            "111122223333", new AccountRef("111122223333", "prod", false),
            "444455556666", new AccountRef("444455556666", "dr", false));

    private static String one(Step step, EngineFamily family) {
        return String.join("\n", PlanCommands.cli(step, family, id -> Optional.ofNullable(OPEN.get(id)), null));
    }

    @Test
    void eachStepRunsInItsOwnAccountWithItsProfile() {
        assertThat(one(new Step.Share("111122223333", EAST, "orders-share", "444455556666"), EngineFamily.AURORA))
                .isEqualTo("aws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier "
                        + "orders-share --attribute-name restore --values-to-add 444455556666 --region us-east-1 "
                        + "--profile prod");
        assertThat(one(new Step.CheckKeyPolicy("111122223333", EAST, "arn:aws:kms:us-east-1:111122223333:key/k",
                "444455556666"), EngineFamily.AURORA))
                .startsWith("aws kms get-key-policy --key-id arn:aws:kms:us-east-1:111122223333:key/k "
                        + "--policy-name default").endsWith("--profile prod");
        String copy = one(new Step.CopyInDestination("444455556666", WEST,
                "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders-share", "orders-dr",
                "arn:aws:kms:us-west-2:444455556666:key/d"), EngineFamily.NEPTUNE);
        assertThat(copy).startsWith("aws neptune copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier "
                + "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders-share")
                .contains("--kms-key-id arn:aws:kms:us-west-2:444455556666:key/d", "--source-region us-east-1")
                .endsWith("--region us-west-2 --profile dr");
    }

    @Test
    void theCleanUpStopsSharingAndDeletesOnlyAnIntermediateCopy() {
        assertThat(PlanCommands.cli(new Step.CleanUp("111122223333", EAST, "orders-share", "444455556666", true),
                EngineFamily.DOCUMENTDB, id -> Optional.ofNullable(OPEN.get(id)), null))
                .hasSize(2).anySatisfy(c -> assertThat(c).startsWith("aws docdb modify-db-cluster-snapshot-attribute")
                        .contains("--values-to-remove 444455556666"))
                .anySatisfy(c -> assertThat(c).startsWith("aws docdb delete-db-cluster-snapshot"));
        assertThat(PlanCommands.cli(new Step.CleanUp("111122223333", EAST, "orders", "444455556666", false),
                EngineFamily.AURORA, id -> Optional.ofNullable(OPEN.get(id)), null)).hasSize(1);
    }
}
