package dev.snapferry.core.rules;

import java.util.Collection;
import java.util.List;

/** Small queries over lists of problems, shared by the rules and the ViewModels that show them. */
public final class Problems {

    private Problems() {
    }

    public static boolean hasErrors(Collection<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }

    public static List<Problem> forField(Collection<Problem> problems, String field) {
        return problems.stream().filter(p -> p.field().equals(field)).toList();
    }
}
