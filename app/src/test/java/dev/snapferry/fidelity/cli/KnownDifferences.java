package dev.snapferry.fidelity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

/**
 * Where the simulator, as the CLI sees it, answers otherwise than AWS documents. Kept minimal and explicit: each
 * entry says the operation, what AWS documents (with the source), and what the simulator does. The suite stays
 * green by accepting exactly these answers; {@link #check} fails an entry that is no longer needed (the simulator
 * was fixed, or the answer turned out to be documented), so the list cannot grow stale. The simulator's code is not
 * changed from here: its owners get the list (app/docs/fidelity-cli.md).
 */
final class KnownDifferences {

    /** One difference: the services and operation it concerns, the code the simulator answers, and why it is one. */
    record Difference(List<String> services, String operation, String simulatorCode, String documented,
                      String source) {
    }

    static final List<Difference> ALL = List.of(
            new Difference(List.of("rds", "docdb", "neptune"), "AddTagsToResource", "DBClusterSnapshotNotFoundFault",
                    "AddTagsToResource, RemoveTagsFromResource and ListTagsForResource declare DBInstanceNotFound, "
                            + "DBSnapshotNotFound and DBClusterNotFoundFault (and, for rds, proxy and blue/green "
                            + "faults), not DBClusterSnapshotNotFoundFault, for an ARN naming no resource",
                    "rds, docdb, neptune 2014-10-31 service models (API reference, AddTagsToResource, Errors)"),
            new Difference(List.of("rds", "docdb", "neptune"), "ListTagsForResource",
                    "DBClusterSnapshotNotFoundFault", "as for AddTagsToResource",
                    "rds, docdb, neptune 2014-10-31 service models (API reference, ListTagsForResource, Errors)"),
            new Difference(List.of("docdb-elastic"), "TagResource", "ServiceQuotaExceededException",
                    "TagResource declares ThrottlingException, ValidationException, InternalServerException and "
                            + "ResourceNotFoundException only; ServiceQuotaExceededException (402) is declared for "
                            + "CreateClusterSnapshot and CopyClusterSnapshot, not for tags. A 51st tag would be a "
                            + "ValidationException at most",
                    "docdb-elastic 2022-11-28 service model; DocumentDB Developer Guide, Elastic API, TagResource"),
            new Difference(List.of("kms"), "ListAliases", "ValidationException",
                    "a Limit outside 1..100 is a validation error; ListAliases declares none, and the "
                            + "common-errors list of AWS's API references names it ValidationError (400), not "
                            + "ValidationException",
                    "AWS KMS API Reference, ListAliases (Limit: 1..100) and Common Errors"));

    private KnownDifferences() {
    }

    static Optional<Difference> find(String service, String operation, String code) {
        return ALL.stream().filter(d -> d.services().contains(service) && d.operation().equals(operation)
                && d.simulatorCode().equals(code)).findFirst();
    }

    /**
     * A refusal either documented for the operation, or a listed difference; a listed difference that the model
     * documents after all is an entry too many.
     */
    static void check(String service, String operation, String code) {
        boolean documented = Documented.documents(service, operation, code);
        Optional<Difference> known = find(service, operation, code);
        assertThat(documented || known.isPresent())
                .as("%s %s answered %s, which neither its declared errors %s nor the common errors document: add it "
                        + "to KnownDifferences with its source, or report it to the simulator's owners", service,
                        operation, code, Documented.declared(service, operation))
                .isTrue();
        assertThat(documented && known.isPresent())
                .as("%s %s %s is documented: drop it from KnownDifferences", service, operation, code).isFalse();
    }
}
