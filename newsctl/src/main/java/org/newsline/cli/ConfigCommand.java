package org.newsline.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.newsline.runtime.config.NewslineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsctl config}: every setting with its default, effective value (secrets masked) and doc. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print every configuration key: default, current value (secrets masked), source and doc.")
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--markdown", description = "Print a Markdown table (as in the README).")
    boolean markdown;

    @Override
    public Integer call() {
        NewslineConfig config = kafka.config(Map.of());
        if (markdown) {
            System.out.println("| key | environment variable | default | description |");
            System.out.println("|---|---|---|---|");
            for (NewslineConfig.Row r : config.describe()) {
                System.out.println("| `" + r.key() + "` | `" + r.env() + "` | `" + r.defaultValue() + "` | "
                        + r.doc().replace("|", "\\|") + " |");
            }
            return 0;
        }
        for (NewslineConfig.Row r : config.describe()) {
            System.out.println(r.key());
            System.out.println("    env:      " + r.env());
            System.out.println("    default:  " + r.defaultValue());
            System.out.println("    current:  " + r.value() + "   (" + r.source() + ")");
            System.out.println("    " + r.doc());
        }
        for (String unknown : config.unknownKeys()) {
            System.err.println("warning: unknown key " + unknown);
        }
        return 0;
    }
}
