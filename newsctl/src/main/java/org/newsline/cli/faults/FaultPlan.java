package org.newsline.cli.faults;

import java.time.Duration;

/**
 * What one run of the fault-injection suite does: how many feed items the site publishes over how long, and
 * how many faults of each kind it injects meanwhile, at moments drawn from {@code seed}.
 *
 * @param items          feed items published (some of them meant to fail)
 * @param feeds          feeds the items are spread over (plus one "top stories" feed repeating some)
 * @param publishWindow  the items appear one by one over this time, so faults hit a flowing stream
 * @param killsPerService {@code kill -9} of ingest, extract and store, each this many times
 * @param brokerRestarts restarts of the Kafka broker (SIGTERM: a clean shutdown)
 * @param brokerKills    {@code kill -9} of the Kafka broker (no clean shutdown: its logs are recovered at start)
 * @param postgresRestarts restarts of PostgreSQL
 * @param drainTimeout   longest wait, after the last fault, for the pipeline to catch up
 */
public record FaultPlan(int items, int feeds, Duration publishWindow, int killsPerService, int brokerRestarts,
                        int brokerKills, int postgresRestarts, long seed, Duration drainTimeout) {

    public FaultPlan {
        if (items < 1 || feeds < 1 || killsPerService < 0 || brokerRestarts < 0 || brokerKills < 0
                || postgresRestarts < 0) {
            throw new IllegalArgumentException("items and feeds must be positive, fault counts not negative");
        }
    }

    /** At most three minutes on a slow machine: the CI form. */
    public static FaultPlan shortForm(long seed) {
        return new FaultPlan(2000, 4, Duration.ofSeconds(50), 3, 1, 1, 1, seed, Duration.ofSeconds(60));
    }

    /** At least thirty minutes and 20,000 items: run locally. */
    public static FaultPlan longForm(long seed) {
        return new FaultPlan(20_000, 8, Duration.ofMinutes(30), 12, 4, 4, 4, seed, Duration.ofMinutes(5));
    }

    public FaultPlan withItems(int n) {
        return new FaultPlan(n, feeds, publishWindow, killsPerService, brokerRestarts, brokerKills, postgresRestarts, seed,
                drainTimeout);
    }

    public int faults() {
        return 3 * killsPerService + brokerRestarts + brokerKills + postgresRestarts;
    }
}
