package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsFailure;
import dev.snapferry.core.model.JobFailure;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ErrorPresenterTest {

    private final ErrorPresenter errors = new ErrorPresenter(Messages.load(Locale.ROOT));

    @Test
    void anAwsRefusalIsExplainedThenQuotedVerbatim() {
        assertThat(errors.describe(new AwsFailure.NotFound("DBClusterSnapshotNotFoundFault",
                "DBClusterSnapshot x not found.")))
                .startsWith("AWS cannot find it")
                .endsWith("(DBClusterSnapshotNotFoundFault: DBClusterSnapshot x not found.)");
    }

    @Test
    void aFailureWithoutCodeKeepsTheMessageAndOneWithoutEitherKeepsTheExplanationAlone() {
        assertThat(errors.describe(new AwsFailure.Network("", "Connection reset")))
                .endsWith("(Connection reset)").doesNotContain("null").doesNotContain(": ");
        assertThat(errors.describe(new AwsFailure.Network("", ""))).doesNotContain("(").doesNotContain("null");
    }

    @Test
    void thrownAwsFailuresReadAsTheFailureItself() {
        AwsFailure failure = new AwsFailure.Throttled("Throttling", "Rate exceeded");
        assertThat(errors.describe(new AwsCallException(failure, null))).isEqualTo(errors.describe(failure));
    }

    @Test
    void anExceptionWithoutMessageIsNamedNeverNull() {
        assertThat(errors.describe(new IllegalStateException())).contains("IllegalStateException")
                .doesNotContain("null");
        assertThat(errors.describe(new RuntimeException(null, new java.io.IOException("disk full"))))
                .isEqualTo("disk full");
        assertThat(errors.describe(new RuntimeException("plain words"))).isEqualTo("plain words");
    }

    @Test
    void aJobFailureFoundBySnapferryIsWordedFromItsKeyAndValues() {
        assertThat(errors.describe(JobFailure.of("jobs.failure.gone", "dr-copy", "eu-west-1")))
                .startsWith("The copy dr-copy is no longer in eu-west-1").doesNotContain("{");
        // A history written before failures carried values: the old key and its English stay readable.
        assertThat(errors.describe(new JobFailure("jobs.failure.vanished", "", "The copy x is no longer in y")))
                .startsWith(Messages.load(Locale.ROOT).get("jobs.failure.vanished"))
                .endsWith("(The copy x is no longer in y)");
        assertThat(errors.describe(new JobFailure("aws.error.kmsNotAccessible", "KMSKeyNotAccessibleFault",
                "The key is disabled"))).endsWith("(KMSKeyNotAccessibleFault: The key is disabled)");
    }
}
