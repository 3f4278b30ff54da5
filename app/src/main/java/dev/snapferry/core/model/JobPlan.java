package dev.snapferry.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The stages of a copy into another account and the one its job has reached ({@code current}, counted from 0).
 * Stages before {@code current} are done; {@code current} is the one the job's state describes. Recorded in the
 * job history before each stage is sent, so that a restart resumes at exactly this stage.
 */
public record JobPlan(List<PlanStage> stages, int current) {

    public JobPlan {
        stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
        if (stages.isEmpty() || current < 0 || current >= stages.size()) {
            throw new IllegalArgumentException("stage " + current + " of " + stages.size());
        }
        if (stages.getLast().kind() != PlanStage.Kind.COPY && stages.stream()
                .noneMatch(s -> s.kind() == PlanStage.Kind.COPY)) {
            throw new IllegalArgumentException("a plan copies something");
        }
    }

    public PlanStage stage() {
        return stages.get(current);
    }

    public boolean atLastStage() {
        return current == stages.size() - 1;
    }

    public JobPlan next() {
        return new JobPlan(stages, current + 1);
    }

    /** The stages done so far (before {@code current}). */
    public List<PlanStage> done() {
        return stages.subList(0, current);
    }

    /** True once the last copy stage is behind: what the user asked for exists, only the clean-up is left. */
    public boolean copied() {
        for (int i = current; i < stages.size(); i++) {
            if (stages.get(i).kind() == PlanStage.Kind.COPY) {
                return false;
            }
        }
        return true;
    }
}
