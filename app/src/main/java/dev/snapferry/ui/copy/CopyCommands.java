package dev.snapferry.ui.copy;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.Tag;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The AWS CLI command equivalent to a copy request, as a DBA would type it. */
final class CopyCommands {

    private CopyCommands() {
    }

    static String cli(CopyRequest request, AccountRef account, @Nullable String demoEndpoint) {
        StringBuilder cli = new StringBuilder("aws ");
        String region = request.destinationRegion().code();
        switch (request.engine().family()) {
            case DOCUMENTDB_ELASTIC -> {
                cli.append("docdb-elastic copy-cluster-snapshot --snapshot-arn ").append(request.source().arn())
                        .append(" --target-snapshot-name ").append(request.targetIdentifier());
                if (request.kmsKeyId() != null) {
                    cli.append(" --kms-key-id ").append(request.kmsKeyId());
                }
                if (request.copyTags()) {
                    cli.append(" --copy-tags");
                }
                if (!request.tags().isEmpty()) {
                    cli.append(" --tags ").append(request.tags().stream()
                            .map(t -> quote(t.key()) + "=" + quote(t.value())).collect(Collectors.joining(",")));
                }
            }
            case AURORA, DOCUMENTDB, NEPTUNE -> {
                cli.append(switch (request.engine().family()) {
                    case DOCUMENTDB -> "docdb";
                    case NEPTUNE -> "neptune";
                    default -> "rds";
                }).append(" copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier ")
                        .append(request.namesSourceByArn() ? request.source().arn()
                                : request.source().identifier())
                        .append(" --target-db-cluster-snapshot-identifier ").append(request.targetIdentifier());
                if (request.kmsKeyId() != null) {
                    cli.append(" --kms-key-id ").append(request.kmsKeyId());
                }
                if (request.copyTags()) {
                    cli.append(" --copy-tags");
                }
                if (!request.tags().isEmpty()) {
                    cli.append(" --tags");
                    for (Tag tag : request.tags()) {
                        cli.append(" Key=").append(quote(tag.key())).append(",Value=").append(quote(tag.value()));
                    }
                }
                if (request.isCrossRegion()) {
                    cli.append(" --source-region ").append(request.source().region().code());
                }
            }
        }
        cli.append(" --region ").append(region);
        if (account.demo() && demoEndpoint != null) {
            cli.append(" --endpoint-url ").append(demoEndpoint);
        } else if (!account.demo()) {
            cli.append(" --profile ").append(account.profileName());
        }
        return cli.toString();
    }

    /** Quotes a tag key or value for a POSIX shell when it holds anything but plain characters. */
    private static String quote(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:@+".indexOf(c) >= 0)) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
