package dev.snapferry.ui.common;

import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsFailure;
import dev.snapferry.core.jobs.HistoryProblem;
import dev.snapferry.core.model.JobFailure;
import java.util.Objects;

/**
 * The one place where a failure becomes text for the user: Snapferry's explanation from the message bundle, then
 * AWS's own code and message verbatim when AWS gave some. Never the word "null": an exception without a message is
 * named by its kind and the log is pointed to.
 */
public final class ErrorPresenter {

    private final Messages messages;

    public ErrorPresenter(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** Why an AWS call failed: Snapferry's explanation, then AWS's code and message as AWS wrote them. */
    public String describe(AwsFailure failure) {
        return withAws(messages.get(failure.messageKey()), failure.awsCode(), failure.awsMessage());
    }

    /** Why a copy job failed, worded like any other AWS failure. */
    public String describe(JobFailure failure) {
        return withAws(messages.get(failure.messageKey(), failure.args().toArray()), failure.awsCode(),
                failure.awsMessage());
    }

    /** Why the job history could not be written, what was kept, and what to do. */
    public String describe(HistoryProblem problem) {
        return messages.get(problem.copiesHeldBack() ? "jobs.history.notWritten.heldBack" : "jobs.history.notWritten",
                problem.file().toString(), problem.reason());
    }

    /** Any failure: an AWS call's in Snapferry's terms, anything else by its message or, lacking one, its kind. */
    public String describe(Throwable error) {
        if (error instanceof AwsCallException aws) {
            return describe(aws.failure());
        }
        String text = error.getMessage();
        if (text == null || text.isBlank()) {
            Throwable cause = error.getCause();
            if (cause != null && cause != error) {
                return describe(cause);
            }
            return messages.get("error.noDetails", error.getClass().getSimpleName());
        }
        return text;
    }

    private static String withAws(String own, String code, String message) {
        boolean hasCode = !code.isBlank();
        boolean hasMessage = !message.isBlank();
        if (hasCode && hasMessage) {
            return own + " (" + code + ": " + message + ")";
        }
        if (hasCode || hasMessage) {
            return own + " (" + (hasCode ? code : message) + ")";
        }
        return own;
    }
}
