package dev.snapferry.core.rules;

import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a whole copy: where it may go, the target identifier, the tags and the KMS key. This is what the
 * copy wizard asks before it enables Finish, and what the simulator enforces on its side.
 */
public final class CopyRules {

    public static final String SOURCE = "source";
    public static final String DESTINATION_REGION = "destinationRegion";
    public static final String TARGET_IDENTIFIER = "targetIdentifier";

    private CopyRules() {
    }

    /**
     * Whether the source may be copied to the destination region at all, per the matrix: the engine must support
     * cross-region copies, some regions take no cross-region copies of some engines (Aurora and China), a shared
     * source may need to stay in its region, and a copy never leaves its partition.
     * Empty for a same-region copy. The wizard uses it to disable a region and say why.
     */
    public static List<Problem> checkDestination(EngineCapabilities caps, CopyContext ctx) {
        List<Problem> problems = new ArrayList<>();
        if (!ctx.crossRegion()) {
            return problems;
        }
        RegionRef from = ctx.source().region();
        RegionRef to = ctx.destinationRegion();
        if (!from.partition().equals(to.partition())) {
            problems.add(Problem.of(DESTINATION_REGION, ProblemCode.COPY_CROSS_PARTITION, from.code(), to.code()));
        } else if (!caps.crossRegionCopy()) {
            problems.add(Problem.of(DESTINATION_REGION, ProblemCode.COPY_CROSS_REGION_UNSUPPORTED,
                    caps.engine().name(), from.code()));
        } else if (caps.crossRegionExcludedRegions().contains(from.code())
                || caps.crossRegionExcludedRegions().contains(to.code())) {
            String excluded = caps.crossRegionExcludedRegions().contains(from.code()) ? from.code() : to.code();
            problems.add(Problem.of(DESTINATION_REGION, ProblemCode.COPY_CROSS_REGION_EXCLUDED, excluded,
                    from.code()));
        } else if (ctx.sharedSource() && !caps.sharedCopyCrossRegion().allows(ctx.source().storageEncrypted())) {
            problems.add(Problem.of(DESTINATION_REGION, caps.sharedCopyCrossRegion() == SharedCrossRegionRule.NEVER
                    ? ProblemCode.COPY_SHARED_CROSS_REGION_UNSUPPORTED
                    : ProblemCode.COPY_SHARED_ENCRYPTED_CROSS_REGION_UNSUPPORTED, from.code()));
        }
        return problems;
    }

    /**
     * Every problem of a copy request.
     *
     * @param chosenKey         the destination-region key the request's key id resolved to, if it was found
     * @param existingInDestination the snapshot identifiers already in the destination account and region
     */
    public static List<Problem> validate(CapabilityMatrix matrix, CopyRequest request, @Nullable KmsKey chosenKey,
                                         Collection<String> existingInDestination) {
        EngineCapabilities caps = matrix.forEngine(request.engine());
        CopyContext ctx = new CopyContext(request.source(), request.destinationAccount().accountId(),
                request.destinationRegion(), request.kmsKeyId(), chosenKey);
        List<Problem> problems = new ArrayList<>();
        if (request.source().status().state() != SnapshotState.AVAILABLE) {
            problems.add(Problem.of(SOURCE, ProblemCode.COPY_SOURCE_NOT_AVAILABLE,
                    request.source().identifier(), request.source().status().raw()));
        }
        problems.addAll(checkDestination(caps, ctx));
        List<Problem> identifier = IdentifierRules.validate(TARGET_IDENTIFIER, request.targetIdentifier());
        problems.addAll(identifier);
        if (identifier.isEmpty()) {
            boolean sameAccount = request.source().ownerAccountId().equals(ctx.destinationAccountId());
            if (!ctx.crossRegion() && sameAccount && IdentifierRules.normalize(request.targetIdentifier())
                    .equals(IdentifierRules.normalize(request.source().identifier()))) {
                problems.add(Problem.of(TARGET_IDENTIFIER, ProblemCode.COPY_TARGET_IS_SOURCE));
            } else {
                IdentifierRules.checkUnique(TARGET_IDENTIFIER, request.targetIdentifier(), existingInDestination,
                        request.destinationRegion().code()).ifPresent(problems::add);
            }
        }
        TagSpec spec = caps.tags();
        problems.addAll(TagRules.validateAll(request.tags(), spec));
        List<Tag> result = TagRules.resultingTags(request.copyTags(), request.source().tags(), request.tags());
        if (result.size() > spec.maxTags() && request.tags().size() <= spec.maxTags()) {
            problems.add(Problem.of("tags", ProblemCode.TAG_TOO_MANY, spec.maxTags(), result.size()));
        }
        problems.addAll(TagRules.sourceTagWarnings(request.copyTags(), request.source().tags(), request.tags(),
                spec));
        problems.addAll(KmsRules.validate(caps, ctx));
        return problems;
    }
}
