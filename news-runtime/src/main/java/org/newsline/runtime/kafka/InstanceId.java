package org.newsline.runtime.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;

/**
 * The stable id of this instance: configured, or generated once and kept in the data directory. Transactional
 * ids derive from it, so a restarted instance fences its killed predecessor at once.
 */
public final class InstanceId {

    private InstanceId() {
    }

    public static String of(NewslineConfig config) {
        String configured = config.string(Settings.INSTANCE_ID);
        if (!configured.isBlank()) {
            return configured.strip();
        }
        Path file = config.dataDir().resolve("instance-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(file.getParent());
            String id = UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + file, e);
        }
    }
}
