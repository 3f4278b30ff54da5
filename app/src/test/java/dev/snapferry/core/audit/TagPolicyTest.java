package dev.snapferry.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.ProblemCode;
import dev.snapferry.core.rules.TagRules;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagPolicyTest {

    private static Snapshot tagged(Tag... tags) {
        return new Snapshot("s", "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:s", "111122223333",
                new RegionRef("us-east-1"), Engine.NEPTUNE, "1", "c", SnapshotType.MANUAL, SnapshotStatus.available(),
                Instant.EPOCH, true, "k", List.of(tags), null, 1, null, null, false);
    }

    @Test
    void aPatternMustMatchTheWholeValueAndKeysCompareExactly() {
        TagPolicy policy = new TagPolicy(List.of(new TagPolicy.Rule("Environment", "production|staging"),
                new TagPolicy.Rule("Owner", "")));
        assertThat(policy.compliant(tagged(new Tag("Environment", "staging"), new Tag("Owner", "")))).isTrue();
        assertThat(policy.violations(tagged(new Tag("Environment", "production-eu"), new Tag("owner", "x"))))
                .extracting(TagViolation::describe)
                .containsExactly("Environment=production-eu does not match production|staging", "lacks Owner");
    }

    @Test
    void theSameKeyTwiceIsRefused() {
        assertThat(TagPolicy.requiring(List.of("Owner", "Owner")).keys()).containsExactly("Owner");
        assertThatThrownBy(() -> new TagPolicy(List.of(new TagPolicy.Rule("Owner", ""),
                new TagPolicy.Rule("Owner", "x")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEditedPolicySaysWhereEachProblemIs() {
        var spec = CapabilityMatrix.loadDefault().forEngine(Engine.AURORA_MYSQL).tags();
        var problems = TagRules.validatePolicy(List.of(new Tag("Owner", "[a-z"), new Tag("aws:x", ""),
                new Tag("Owner", "")), spec);
        assertThat(problems).extracting(p -> p.field() + " " + p.code()).containsExactly(
                "tags[0].value " + ProblemCode.TAG_POLICY_PATTERN_INVALID,
                "tags[1].key " + ProblemCode.TAG_KEY_RESERVED_PREFIX,
                "tags[2].key " + ProblemCode.TAG_DUPLICATE_KEY);
        assertThat(TagRules.patternProblem("[a-z").orElseThrow()).contains("near position");
        assertThat(TagRules.patternProblem("")).isEmpty();
    }
}
