package org.newsline.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsline.events.EventCodec;
import org.newsline.runtime.config.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsctl bench polls}: feed polls per second of the real poller against a loopback site process. */
@Command(name = "polls", mixinStandardHelpOptions = true,
        description = {"Feed polls per second of the ingest poller (embedded broker, subscriptions on news.feeds) "
                + "against a loopback site in a child process, its feeds spread over many 127.x addresses with "
                + "politeness lowered for them; three phases: first polls, conditional polls answered 304, full "
                + "polls answered 200. Prints the settings, then per phase polls/s, the CPU of ingest, broker "
                + "and site, and the heap."})
public final class PollsBenchCommand implements Callable<Integer> {

    @Option(names = "--feeds", defaultValue = "10000", description = "Feeds served and subscribed (default: ${DEFAULT-VALUE}).")
    int feeds;

    @Option(names = "--items", defaultValue = "20", description = "Items per feed (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--item-bytes", defaultValue = "750",
            description = "About this many bytes of XML per item, so 20 items make a 15 KB feed (default: ${DEFAULT-VALUE}).")
    int itemBytes;

    @Option(names = "--addresses", defaultValue = "1000",
            description = "Loopback addresses the feeds are spread over, from 127.0.0.2 (default: ${DEFAULT-VALUE}).")
    int addresses;

    @Option(names = "--interval", defaultValue = "1s",
            description = "Fixed poll interval of every subscription after the first polls, short so that every "
                    + "feed is always due (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--phase-polls", defaultValue = "-1",
            description = "Polls measured in the 304 and 200 phases (default: twice as many as feeds).")
    int phasePolls;

    @Option(names = "--rounds", defaultValue = "2",
            description = "Rounds of the 304 and 200 phases; the first pays for the JIT compiler (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--max-seconds", defaultValue = "600", description = "Give up on a phase after this long.")
    int maxSeconds;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A Newsline setting for this run, e.g. fetch.threads=32 or fetch.host.overrides=127.*=4/0ms.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--keep-data", description = "Keep the run's data directory.")
    boolean keepData;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Duration every;
        try {
            every = Setting.parseDuration(interval);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--interval must be a duration like 1s or 500ms: " + interval);
        }
        if (feeds < 1 || items < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--feeds and --items must be positive: " + feeds + ", " + items);
        }
        Map<String, Object> report = PollsBench.run(new PollsBench.Options(feeds, items, itemBytes, addresses, every,
                phasePolls > 0 ? phasePolls : 2 * feeds, Math.max(1, rounds), maxSeconds, set, keepData), System.err);
        PollsBench.print(report, System.out);
        if (json != null) {
            Files.write(json, EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        }
        return Boolean.TRUE.equals(report.get("complete")) ? 0 : 1;
    }
}
