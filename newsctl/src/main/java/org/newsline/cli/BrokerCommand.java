package org.newsline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.newsline.broker.EmbeddedBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsctl broker}: only the embedded single-node Kafka broker. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a single-node Kafka broker (KRaft) in this process.")
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./newsline-data/kafka",
            description = "The broker's log directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "Listener port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Override
    public Integer call() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start(dataDir, port);
        CountDownLatch exit = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            exit.countDown();
        }, "newsline-broker-shutdown"));
        System.out.println("Kafka broker up at " + broker.bootstrapServers() + " (data in " + dataDir + ")");
        System.out.flush();
        exit.await();
        return 0;
    }
}
