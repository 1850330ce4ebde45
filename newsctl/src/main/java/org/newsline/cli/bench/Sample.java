package org.newsline.cli.bench;

/** One reading of the pipeline's progress, {@code millis} after the measurement began. */
record Sample(long millis, long polls, long fetched, long extracted, long stored, long statements,
              long lagFetch, long lagExtract, long lagStore, long heapUsed) {
}
