package dev.snapferry.core.rules;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with the user's input, attached to the field where it should be shown.
 *
 * @param field the input it concerns: {@code targetIdentifier}, {@code tags[2].key}, {@code kmsKey}, ...
 * @param args  the values the message refers to, in the order of its {@code {0}}, {@code {1}} placeholders
 */
public record Problem(String field, ProblemCode code, List<Object> args) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static Problem of(String field, ProblemCode code, Object... args) {
        return new Problem(field, code, List.of(args));
    }

    public Severity severity() {
        return code.severity();
    }

    public boolean isError() {
        return code.severity() == Severity.ERROR;
    }

    public String messageKey() {
        return code.messageKey();
    }
}
