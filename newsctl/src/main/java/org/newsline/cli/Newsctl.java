package org.newsline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsctl}: the Newsline command line. Data goes to stdout, logs to stderr. */
@Command(name = "newsctl", mixinStandardHelpOptions = true, version = "newsctl 0.1.0",
        description = "Newsline: feeds in, clean articles and statements out, on Kafka.",
        subcommands = {
                UpCommand.class,
                BrokerCommand.class,
                ConfigCommand.class,
                SubscribeCommand.class,
                UnsubscribeCommand.class,
                FeedsCommand.class,
                FeedCommand.class,
                ImportOpmlCommand.class,
                ExportOpmlCommand.class,
                SearchCommand.class,
                ExportCommand.class,
                ExtractCommand.class,
                StatementsCommand.class,
                EvalCommand.class,
                BenchCommand.class,
                ConsumeCommand.class,
                org.newsline.cli.replay.ReplayCommand.class,
                org.newsline.cli.replay.DeadLetterCommand.class,
                org.newsline.cli.replay.ArchiveCommand.class,
                org.newsline.cli.faults.FaultsCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Newsctl implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Newsctl())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("newsctl: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
