package dev.snapferry.fidelity;

import java.util.List;
import java.util.Optional;

/**
 * Operations the app calls that are newer than the installed model, so the model has neither their request URI
 * nor their output shape. Each is found by its request URI as the SDK's own (newer) model gives it, and checked
 * against the output of a modelled operation whose response, in the SDK, has exactly the same members
 * ({@code SdkKnowsWhatTheModelLacksTest} checks that), so the reply is still checked member by member.
 */
final class NewerOperations {

    /**
     * @param sdkResponse        the SDK's response class of the newer operation
     * @param standInSdkResponse the SDK's response class of {@code modelledAs}
     */
    record StandIn(String service, String operation, String method, String requestUri, String modelledAs,
                   String sdkResponse, String standInSdkResponse) {
    }

    static final List<StandIn> STAND_INS = List.of(
            new StandIn("docdb-elastic", "CopyClusterSnapshot", "POST", "/cluster-snapshot/{snapshotArn}/copy",
                    "CreateClusterSnapshot",
                    "software.amazon.awssdk.services.docdbelastic.model.CopyClusterSnapshotResponse",
                    "software.amazon.awssdk.services.docdbelastic.model.CreateClusterSnapshotResponse"));

    private NewerOperations() {
    }

    static Optional<StandIn> forOperation(String service, String operation) {
        return STAND_INS.stream().filter(s -> s.service().equals(service) && s.operation().equals(operation))
                .findFirst();
    }

    /** The model operation a reply of {@code operation} is checked as: itself, or its stand-in. */
    static String modelledAs(ServiceModel model, String operation) {
        if (model.operation(operation).isPresent()) {
            return operation;
        }
        return forOperation(model.service(), operation).map(StandIn::modelledAs).orElse(operation);
    }
}
