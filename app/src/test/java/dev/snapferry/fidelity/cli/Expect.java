package dev.snapferry.fidelity.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of a CLI run against what AWS documents. */
final class Expect {

    private Expect() {
    }

    /**
     * The run was refused by the service, with exit code 254 and the CLI's "An error occurred (Code) when calling
     * the Op operation: message" on stderr; the code is the one AWS documents for this case ({@code documented}
     * states the expectation and its source, and is shown when the check fails); and the code is documented for
     * the operation or a listed known difference.
     */
    static AwsCli.Refusal refused(AwsCli.Result run, String service, String operation, String code,
                                  String documented) {
        AwsCli.Refusal refusal = run.refusal();
        assertThat(refusal.operation()).as("operation named by the CLI").isEqualTo(operation);
        assertThat(refusal.code()).as("%s %s: %s", service, operation, documented).isEqualTo(code);
        assertThat(refusal.message()).as("the service's message").isNotBlank().doesNotContain("null");
        KnownDifferences.check(service, operation, code);
        return refusal;
    }
}
