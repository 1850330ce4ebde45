package org.newsline.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM, from the
 * Kafka server artifacts. Its log directory is formatted on first start and reused afterwards, so a
 * persistent data directory keeps the topics across restarts.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final int START_ATTEMPTS = 5;

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;

    private EmbeddedBroker(KafkaRaftServer server, int port, Path logDir) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
    }

    /**
     * Starts a broker keeping its data in {@code dataDir} on {@code 127.0.0.1:port} (0 picks a free port).
     * If the chosen free port is taken meanwhile, retries with another.
     */
    public static EmbeddedBroker start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        Path logDir = dataDir.toAbsolutePath();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Properties props = brokerProperties(logDir, brokerPort, controllerPort);
            try {
                formatIfNeeded(logDir, props);
                KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
                server.startup();
                LOG.info("Kafka broker listening on 127.0.0.1:{} (data in {})", brokerPort, logDir);
                return new EmbeddedBroker(server, brokerPort, logDir);
            } catch (RuntimeException e) {
                last = e;
                if (port != 0 && !isBindFailure(e)) {
                    break;
                }
                LOG.warn("broker start attempt {} failed: {}", attempt, e.toString());
            }
        }
        throw new IOException("could not start the embedded Kafka broker", last);
    }

    /** Starts a broker in a fresh temporary directory on a free port, for tests. */
    public static EmbeddedBroker startTemporary() throws IOException {
        return start(Files.createTempDirectory("newsline-broker"), 0);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "6");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // pages can be large; the topics raise their own limit, the broker must allow it
        p.put("message.max.bytes", String.valueOf(32 * 1024 * 1024));
        p.put("replica.fetch.max.bytes", String.valueOf(32 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(256 * 1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.flush.interval.ms", "1000");
        // A single node has no one to hand its partitions to: a controlled shutdown only makes every partition
        // leaderless while the coordinators still run. Kafka's transaction coordinator then takes a leaderless
        // partition for a deleted one and completes the transaction without writing its marker there
        // (KAFKA-20734: the metadata cache answers "no such partition" for "no leader"), which leaves the
        // transaction hanging on that partition for good; on __consumer_offsets it blocks every read-committed
        // offset fetch of the group. Without a controlled shutdown the partitions keep their leader until the
        // process ends, and an unfinished transaction is completed after the restart.
        p.put("controlled.shutdown.enable", "false");
        return p;
    }

    private static void formatIfNeeded(Path logDir, Properties props) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IOException("could not format the Kafka log directory " + logDir, e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    /** A port free on loopback right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
