package org.newsline.cli;

import java.util.Arrays;
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
        if (args.length > 0 && args[0].equals("extract")) {
            // extract is often run alone over many files: building the model of every subcommand (reflection
            // over their options, loading their classes) would cost it more start-up time than its first page
            CommandLine extract = new CommandLine(new ExtractCommand()).setCommandName("newsctl extract");
            return configure(extract).execute(Arrays.copyOfRange(args, 1, args.length));
        }
        return configure(new CommandLine(new Newsctl())).execute(args);
    }

    private static CommandLine configure(CommandLine commandLine) {
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("newsctl: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 1;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
