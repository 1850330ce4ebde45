package org.newsline.store.replay;

import java.util.List;

/**
 * One page of a listing turned into records: published in one Kafka transaction together with the position
 * after it, so that a replay stopped or killed anywhere resumes exactly after the last committed chunk.
 *
 * @param read    items of the archive this chunk covers
 * @param skipped items among them that gave no record
 */
public record Chunk(List<ReplayRecord> records, long read, long skipped, Position next) {
}
