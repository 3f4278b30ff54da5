package dev.snapferry.ui.copy;

import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CopyRules;
import dev.snapferry.core.rules.IdentifierRules;
import dev.snapferry.core.rules.KmsRules;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.core.rules.Severity;
import dev.snapferry.ui.common.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One check of every copy the wizard would send, by {@code core.rules}, sorted by the step whose field each problem
 * concerns. The checks run over whole requests because the rules judge a copy's destination, name, key and tags
 * together (whether a key is needed depends on the region, whether a name is free on the account); each step then
 * shows its share. Names are also checked across the batch: two copies may not get the same name.
 */
final class CopyChecks {

    /**
     * What one check found: the region's problem, whether every name is fine, the key's errors, the tags' errors,
     * the warnings of any field, and the review's rows.
     */
    record Findings(String regionProblem, boolean namesOk, List<Problem> keyErrors, List<Problem> tagErrors,
                    List<Problem> warnings, List<ReviewStepViewModel.Row> rows) {
    }

    private final List<CopyTarget> targets;
    private final CapabilityMatrix matrix;
    private final Messages messages;
    private final Function<CopyTarget, CopyRequest> requestOf;
    private final BiFunction<CopyTarget, CopyRequest, ReviewStepViewModel.Row> rowOf;

    CopyChecks(List<CopyTarget> targets, CapabilityMatrix matrix, Messages messages,
               Function<CopyTarget, CopyRequest> requestOf,
               BiFunction<CopyTarget, CopyRequest, ReviewStepViewModel.Row> rowOf) {
        this.targets = List.copyOf(targets);
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.requestOf = Objects.requireNonNull(requestOf, "requestOf");
        this.rowOf = Objects.requireNonNull(rowOf, "rowOf");
    }

    /** A problem in the user's words. */
    static String text(Messages messages, Problem problem) {
        return messages.get(problem.messageKey(), problem.args().toArray());
    }

    /**
     * Checks every copy not yet accepted, names every copy, and sets each one's name problem.
     *
     * @param where the destination region, null while none is chosen
     * @param taken the names taken in the destination, null while not known (then none is reported taken)
     * @param key   the KMS key chosen, if any
     */
    Findings check(@Nullable RegionRef where, @Nullable Set<String> taken, @Nullable KmsKey key) {
        List<Problem> keyErrors = new ArrayList<>();
        List<Problem> tagErrors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        String regionText = where == null ? messages.get("copy.region.choose") : "";
        boolean namesOk = true;
        Set<String> batchNames = new HashSet<>();
        List<ReviewStepViewModel.Row> rows = new ArrayList<>();
        Set<String> known = taken == null ? Set.of() : taken;
        for (CopyTarget target : targets) {
            CopyRequest request = requestOf.apply(target);
            String name = request.targetIdentifier();
            target.name(name);
            if (target.isSubmitted()) {
                continue;
            }
            // AWS's own refusal of this very name says most; the local checks follow.
            String nameText = target.refusalOf(name);
            for (Problem p : CopyRules.validate(matrix, request, key, known)) {
                String field = p.field();
                if (field.equals(CopyRules.DESTINATION_REGION)) {
                    regionText = regionText.isEmpty() ? prefixed(target, text(messages, p)) : regionText;
                } else if (field.equals(CopyRules.TARGET_IDENTIFIER) || field.equals(CopyRules.SOURCE)) {
                    nameText = nameText.isEmpty() ? text(messages, p) : nameText;
                } else if (field.equals(KmsRules.FIELD)) {
                    (p.severity() == Severity.ERROR ? keyErrors : warnings).add(p);
                } else if (p.severity() == Severity.ERROR) {
                    tagErrors.add(p);
                } else {
                    warnings.add(p);
                }
            }
            if (nameText.isEmpty() && !batchNames.add(IdentifierRules.normalize(name))) {
                nameText = messages.get("copy.batch.collision", name);
            }
            target.problem(nameText);
            namesOk &= nameText.isEmpty();
            rows.add(rowOf.apply(target, request));
        }
        return new Findings(regionText, namesOk, keyErrors, tagErrors, warnings, rows);
    }

    /** A batch's message names the copy it concerns. */
    String prefixed(CopyTarget target, String text) {
        return targets.size() > 1 ? target.source().identifier() + ": " + text : text;
    }
}
