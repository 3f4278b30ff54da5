package dev.snapferry.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The reasons in {@link KnownGaps} and {@link NewerOperations}, checked against the AWS SDK the app uses (2.40.2,
 * generated from AWS's current models): every member listed as newer than the installed model is one the SDK's
 * class has on the wire; every simulator gap about a member is one even the SDK's model lacks; and every stand-in
 * operation's response has exactly its stand-in's members.
 */
class SdkKnowsWhatTheModelLacksTest {

    @Test
    void membersNewerThanTheInstalledModelAreInTheSdksModel() throws Exception {
        Map<String, ServiceModel> models = ServiceModel.loadAll(ServiceModel.DEBIAN_AWSCLI_DATA);
        for (KnownGaps.Gap gap : KnownGaps.MODEL_OLDER_THAN_API) {
            if (gap.problem().equals("enum")) {
                String value = gap.actual().replace("\"", "");
                Object known = Class.forName(gap.sdkClass()).getMethod("fromValue", String.class).invoke(null, value);
                assertThat(String.valueOf(known)).as(gap.sdkClass()).isEqualTo(value);
                continue;
            }
            assertThat(wireNames(gap.sdkClass())).as(gap.sdkClass()).contains(gap.actual());
            if (models.get(gap.service()).shape(gap.shape()).path("members").has(gap.actual())) {
                System.out.println("The installed " + gap.service() + " model now has " + gap.shape() + "."
                        + gap.actual() + ": its entry in KnownGaps.MODEL_OLDER_THAN_API is no longer needed");
            }
        }
    }

    @Test
    void simulatorGapsAboutMembersAreDeparturesFromTheSdksModelToo() throws Exception {
        assertThat(wireNames("software.amazon.awssdk.services.docdb.model.DBClusterSnapshot"))
                .contains("StorageType").doesNotContain("TagList");
        assertThat(wireNames("software.amazon.awssdk.services.neptune.model.DBClusterSnapshot"))
                .contains("StorageType").doesNotContain("TagList");
        assertThat(KnownGaps.SIMULATOR.stream().filter(g -> g.problem().equals("unknown member"))
                .map(g -> g.service() + "." + g.shape() + "." + g.actual()))
                .containsExactlyInAnyOrder("docdb.DBClusterSnapshot.TagList", "neptune.DBClusterSnapshot.TagList");
    }

    @Test
    void standInsHaveTheSameMembersInTheSdk() throws Exception {
        for (NewerOperations.StandIn s : NewerOperations.STAND_INS) {
            assertThat(wireNames(s.sdkResponse())).as(s.operation())
                    .containsExactlyInAnyOrderElementsOf(wireNames(s.standInSdkResponse()));
        }
    }

    /** The names the SDK's class reads from a reply. */
    private static List<String> wireNames(String className) throws Exception {
        // The builder is a non-public class; as an SdkPojo it lists the same fields as the built object.
        Object builder = Class.forName(className).getMethod("builder").invoke(null);
        List<SdkField<?>> fields = ((SdkPojo) builder).sdkFields();
        return fields.stream().map(SdkField::locationName).toList();
    }
}
