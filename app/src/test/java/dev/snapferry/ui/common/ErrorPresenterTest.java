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
        assertThat(errors.describe(JobFailure.of("jobs.failure.vanished")))
                .isEqualTo(Messages.load(Locale.ROOT).get("jobs.failure.vanished"));
        assertThat(errors.describe(new JobFailure("aws.error.kmsNotAccessible", "KMSKeyNotAccessibleFault",
                "The key is disabled"))).endsWith("(KMSKeyNotAccessibleFault: The key is disabled)");
    }
}
