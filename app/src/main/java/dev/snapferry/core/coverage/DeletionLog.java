package dev.snapferry.core.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The log of what retention clean-ups deleted (and what AWS refused), one JSON object per line in the data folder.
 * Each line is appended whole, in one write to a file opened for appending and forced to disk, so that a crash
 * leaves at most a missing last line, never half of one followed by another; writers in this process queue.
 */
public final class DeletionLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public DeletionLog(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    /** Appends one line for {@code deletion}. */
    public synchronized void append(Deletion deletion) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", deletion.at().toString());
        line.put("result", deletion.result());
        line.put("account", deletion.snapshot().ownerAccountId());
        line.put("region", deletion.snapshot().region().code());
        line.put("engine", deletion.snapshot().engine().canonicalRawName());
        line.put("identifier", deletion.snapshot().identifier());
        line.put("arn", deletion.snapshot().arn());
        if (deletion.snapshot().createTime() != null) {
            line.put("created", String.valueOf(deletion.snapshot().createTime()));
        }
        if (deletion.sent() && !deletion.deleted()) {
            line.put("awsCode", Objects.requireNonNull(deletion.awsCode()));
            line.put("awsMessage", String.valueOf(deletion.awsMessage()));
        }
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
