package org.newsline.cli.replay.warc;

import org.newsline.events.RawPage;

/** Where imported pages go (news.raw in {@code newsctl archive import}). */
@FunctionalInterface
public interface PageSink {
    void accept(RawPage page) throws Exception;
}
