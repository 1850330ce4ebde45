package org.newsline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsctl feed ...}: commands about one subscription. */
@Command(name = "feed", mixinStandardHelpOptions = true, description = "Change one subscription.",
        subcommands = FeedSetCommand.class)
final class FeedCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: newsctl feed set FEED_ID ...");
    }
}
