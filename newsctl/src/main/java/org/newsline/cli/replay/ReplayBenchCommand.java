package org.newsline.cli.replay;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Replay and WARC import throughput (records/s).")
final class ReplayBenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
