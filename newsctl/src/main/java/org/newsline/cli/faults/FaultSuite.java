package org.newsline.cli.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.newsline.broker.EmbeddedBroker;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.kafka.KafkaClients;

/**
 * Runs the pipeline as separate OS processes (a Kafka broker, ingest, extract, store, and PostgreSQL), feeds it
 * from a loopback site publishing {@link FaultPlan#items()} items, injects the plan's faults while the stream
 * flows ({@code kill -9} of the services, restarts of the broker and of PostgreSQL), waits for the pipeline to
 * catch up, and audits the result exactly ({@link PipelineAudit}).
 */
final class FaultSuite {

    /** What a run gives: the figures of the summary line and the audit behind them. */
    record Outcome(int faults, int survived, PipelineAudit.Result audit) {
        boolean passed() {
            return survived == faults && audit.passed();
        }

        String summary() {
            return "faults injected: " + faults + ", survived: " + survived + ", items: " + audit.items()
                    + ", stored: " + audit.stored() + ", lost: " + audit.lost() + ", duplicated: "
                    + audit.duplicated();
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final FaultPlan plan;
    private final Path workDir;
    private final PrintStream log;
    private final SplittableRandom random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Instant started = Instant.now();

    FaultSuite(FaultPlan plan, Path workDir, PrintStream log) {
        this.plan = plan;
        this.workDir = workDir;
        this.log = log;
        this.random = new SplittableRandom(plan.seed());
    }

    Outcome run() throws Exception {
        try {
            return runAll();
        } finally {
            for (int i = toClose.size() - 1; i >= 0; i--) {
                try {
                    toClose.get(i).close();
                } catch (Exception e) {
                    log.println("faults: while stopping: " + e);
                }
            }
        }
    }

    private Outcome runAll() throws Exception {
        Path logs = workDir.resolve("logs");
        FeedSite site = FeedSite.start(0, plan.items(), plan.feeds(), plan.seed());
        toClose.add(site);
        PipelineAudit audit = new PipelineAudit(site);
        note("%d items (%d meant to fail) in %d feeds, %d faults, seed %d; work dir %s", plan.items(),
                audit.meantToFail(), plan.feeds(), plan.faults(), plan.seed(), workDir);

        Postgres postgres = new Postgres(workDir.resolve("postgres"), EmbeddedBroker.freePort());
        postgres.start();
        toClose.add(postgres);

        int kafkaPort = EmbeddedBroker.freePort();
        String bootstrap = "127.0.0.1:" + kafkaPort;
        KafkaClients clients = new KafkaClients(NewslineConfig.of(Map.of("bootstrap.servers", bootstrap)));
        ChildProcess broker = new ChildProcess("broker", "org.newsline.cli.Newsctl",
                List.of("broker", "--data-dir", workDir.resolve("kafka").toString(), "--port", String.valueOf(kafkaPort)),
                "768m", Map.of(), logs, () -> brokerAnswers(clients));
        toClose.add(broker);
        broker.start();
        require(broker.awaitReady(READY_TIMEOUT), broker);

        Map<String, String> common = new HashMap<>();
        common.put("NEWSLINE_BOOTSTRAP_SERVERS", bootstrap);
        common.put("NEWSLINE_FETCH_ALLOWED_HOSTS", site.hostAndPort());
        common.put("NEWSLINE_FETCH_HOST_DELAY", "0ms");
        common.put("NEWSLINE_FETCH_HOST_CONCURRENCY", "8");
        common.put("NEWSLINE_FETCH_THREADS", "8");
        common.put("NEWSLINE_POLL_MIN_INTERVAL", "1s");
        common.put("NEWSLINE_POLL_MAX_INTERVAL", "3s");
        // a killed consumer's partitions go to its restarted successor once the session times out (45 s by
        // default); a short session keeps the run short, and changes nothing about what must hold
        common.put("NEWSLINE_KAFKA_SESSION_TIMEOUT_MS", "6000");
        common.put("NEWSLINE_KAFKA_HEARTBEAT_INTERVAL_MS", "1500");
        ChildProcess store = service("store", "org.newsline.store.StoreMain", common, logs,
                Map.of("NEWSLINE_DB_URL", postgres.jdbcUrl()));
        ChildProcess extract = service("extract", "org.newsline.extract.ExtractMain", common, logs, Map.of());
        ChildProcess ingest = service("ingest", "org.newsline.ingest.IngestMain", common, logs, Map.of());
        List<ChildProcess> services = List.of(store, extract, ingest);
        for (ChildProcess s : services) {
            s.start();
        }
        for (ChildProcess s : services) {
            require(s.awaitReady(READY_TIMEOUT), s);
        }
        String api = "http://127.0.0.1:" + port(store);
        for (String feed : site.feedUrls()) {
            subscribe(api, feed);
        }
        site.publishOver(plan.publishWindow());
        Instant publishStart = Instant.now();
        note("pipeline up, %d feeds subscribed, publishing over %ds", site.feedUrls().size(),
                plan.publishWindow().toSeconds());
        awaitCondition("the first article stored", () -> audit.storedNow(postgres.jdbcUrl()) > 0, READY_TIMEOUT);

        List<Fault> schedule = schedule(publishStart);
        Map<Kind, Recovery> recoveries = Map.of(
                Kind.KILL_INGEST, timeout -> ingest.awaitReady(timeout),
                Kind.KILL_EXTRACT, timeout -> extract.awaitReady(timeout),
                Kind.KILL_STORE, timeout -> store.awaitReady(timeout),
                Kind.RESTART_BROKER, timeout -> broker.awaitReady(timeout) && allReady(services, timeout),
                Kind.KILL_BROKER, timeout -> broker.awaitReady(timeout) && allReady(services, timeout),
                Kind.RESTART_POSTGRES, timeout -> postgres.answers() && store.awaitReady(timeout));
        // a fault survived once its target works again; that is checked before the same kind of fault strikes
        // again, and at the end, so faults of different kinds overlap as they would in real life
        Map<Kind, Integer> pending = new HashMap<>();
        int survived = 0;
        for (Fault fault : schedule) {
            sleepUntil(fault.at());
            survived += settle(fault.kind(), pending, recoveries);
            switch (fault.kind()) {
                case KILL_INGEST -> killAndRestart(ingest);
                case KILL_EXTRACT -> killAndRestart(extract);
                case KILL_STORE -> killAndRestart(store);
                case RESTART_BROKER -> restartBroker(broker);
                case KILL_BROKER -> killAndRestart(broker);
                case RESTART_POSTGRES -> restartPostgres(postgres);
            }
            pending.merge(fault.kind(), 1, Integer::sum);
            note("%s (stored so far: %s)", fault.kind().label, storedSoFar(audit, postgres));
        }
        for (Kind kind : Kind.values()) {
            survived += settle(kind, pending, recoveries);
        }
        note("all %d faults injected; waiting for the pipeline to catch up", schedule.size());
        awaitCondition("all items published", site::allPublished, plan.publishWindow().plus(READY_TIMEOUT));
        boolean caughtUp = awaitCondition("every item stored",
                () -> audit.storedNow(postgres.jdbcUrl()) == audit.meantToSucceed(), plan.drainTimeout());
        if (!caughtUp) {
            note("the pipeline did not catch up within %ds", plan.drainTimeout().toSeconds());
        }
        // let in-flight dead letters and late records settle before counting
        Thread.sleep(3000);
        PipelineAudit.Result result = audit.run(clients, postgres.jdbcUrl());
        if (!result.passed()) {
            try (Admin admin = Admin.create(withShortTimeouts(clients))) {
                // transactions can hang after a broker restart and stall a stage for good: name them
                HangingTransactions.find(admin, Duration.ofMinutes(2))
                        .forEach(h -> note("hanging transaction: %s", h));
            }
        }
        for (ChildProcess s : services) {
            if (!s.ready()) {
                note("%s is not healthy at the end (log: %s)", s.name(), s.log());
            }
        }
        return new Outcome(schedule.size(), survived, result);
    }

    private static String storedSoFar(PipelineAudit audit, Postgres postgres) {
        try {
            return String.valueOf(audit.storedNow(postgres.jdbcUrl()));
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private ChildProcess service(String name, String mainClass, Map<String, String> common, Path logs,
                                 Map<String, String> extra) throws IOException {
        int port = EmbeddedBroker.freePort();
        Map<String, String> env = new HashMap<>(common);
        env.putAll(extra);
        env.put("NEWSLINE_HTTP_PORT", String.valueOf(port));
        env.put("NEWSLINE_INSTANCE_ID", "faults-" + name);
        env.put("NEWSLINE_DATA_DIR", workDir.resolve(name).toString());
        ChildProcess p = new ChildProcess(name, mainClass, List.of(), "384m", env, logs,
                () -> HealthProbe.healthy(http, port));
        ports.put(p, port);
        toClose.add(p);
        return p;
    }

    private final Map<ChildProcess, Integer> ports = new HashMap<>();

    private int port(ChildProcess p) {
        return ports.get(p);
    }

    private enum Kind {
        KILL_INGEST("kill -9 ingest"), KILL_EXTRACT("kill -9 extract"), KILL_STORE("kill -9 store"),
        RESTART_BROKER("restart broker"), KILL_BROKER("kill -9 broker"), RESTART_POSTGRES("restart PostgreSQL");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private record Fault(Instant at, Kind kind) {
    }

    /** The faults in a seeded random order at seeded random moments spread over the publishing window. */
    private List<Fault> schedule(Instant start) {
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < plan.killsPerService(); i++) {
            kinds.addAll(List.of(Kind.KILL_INGEST, Kind.KILL_EXTRACT, Kind.KILL_STORE));
        }
        for (int i = 0; i < plan.brokerRestarts(); i++) {
            kinds.add(Kind.RESTART_BROKER);
        }
        for (int i = 0; i < plan.brokerKills(); i++) {
            kinds.add(Kind.KILL_BROKER);
        }
        for (int i = 0; i < plan.postgresRestarts(); i++) {
            kinds.add(Kind.RESTART_POSTGRES);
        }
        for (int i = kinds.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            kinds.set(i, kinds.set(j, kinds.get(i)));
        }
        long window = plan.publishWindow().toMillis();
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            // one fault in each equal slice of the window, at a random moment of its slice
            long slice = window / kinds.size();
            faults.add(new Fault(start.plusMillis(i * slice + random.nextLong(Math.max(1, slice))), kinds.get(i)));
        }
        return faults;
    }

    @FunctionalInterface
    private interface Recovery {
        boolean awaited(Duration timeout) throws Exception;
    }

    /** Waits until the target of {@code kind}'s pending faults works again; returns how many survived. */
    private int settle(Kind kind, Map<Kind, Integer> pending, Map<Kind, Recovery> recoveries) throws Exception {
        Integer n = pending.remove(kind);
        if (n == null) {
            return 0;
        }
        if (recoveries.get(kind).awaited(READY_TIMEOUT)) {
            return n;
        }
        note("%s: NOT survived", kind.label);
        return 0;
    }

    /** SIGKILL, a random pause (0-2 s), a restart. */
    private void killAndRestart(ChildProcess target) throws Exception {
        target.kill9();
        Thread.sleep(random.nextInt(2000));
        target.start();
    }

    private void restartBroker(ChildProcess broker) throws Exception {
        broker.stop(Duration.ofSeconds(30));
        Thread.sleep(random.nextInt(2000));
        broker.start();
    }

    private void restartPostgres(Postgres postgres) throws Exception {
        postgres.stop();
        Thread.sleep(random.nextInt(2000));
        postgres.start();
    }

    private boolean allReady(List<ChildProcess> services, Duration timeout) throws InterruptedException {
        for (ChildProcess s : services) {
            if (!s.awaitReady(timeout)) {
                note("%s did not come back (log: %s)", s.name(), s.log());
                return false;
            }
        }
        return true;
    }

    private static boolean brokerAnswers(KafkaClients clients) {
        try (Admin admin = Admin.create(withShortTimeouts(clients))) {
            admin.listTopics().names().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static java.util.Properties withShortTimeouts(KafkaClients clients) {
        java.util.Properties p = clients.adminProperties();
        p.put("request.timeout.ms", "5000");
        p.put("default.api.timeout.ms", "5000");
        return p;
    }

    private void subscribe(String api, String feed) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/feeds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + feed + "\"}")).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201 || r.statusCode() == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot subscribe " + feed + ": " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(500);
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private boolean awaitCondition(String what, Condition condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return true;
                }
            } catch (Exception e) {
                // not yet: the database may be restarting
            }
            Thread.sleep(500);
        }
        note("timed out waiting for %s", what);
        return false;
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long ms = Duration.between(Instant.now(), at).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private void require(boolean ready, ChildProcess p) {
        if (!ready) {
            throw new IllegalStateException(p.name() + " did not start; see " + p.log());
        }
    }

    private void note(String format, Object... args) {
        log.printf("faults: %4ds ", Duration.between(started, Instant.now()).toSeconds());
        log.printf(format + "%n", args);
        log.flush();
    }
}
