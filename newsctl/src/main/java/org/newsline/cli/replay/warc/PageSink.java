package org.newsline.cli.replay.warc;

import org.newsline.events.RawPageUtf8;

/** Where imported pages go (news.raw in {@code newsctl archive import}), their bodies as UTF-8 bytes. */
@FunctionalInterface
public interface PageSink {
    void accept(RawPageUtf8 page) throws Exception;
}
