package org.newsline.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;
import picocli.CommandLine.Option;

/** Options of every command that talks to Kafka. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: from configuration, else localhost:9092).")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of Newsline settings.")
    Path configFile;

    public NewslineConfig config(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(extra);
        if (bootstrapServers != null) {
            overrides.put(Settings.BOOTSTRAP_SERVERS.key(), bootstrapServers);
        }
        return NewslineConfig.fromEnvironment(overrides, configFile);
    }
}
