package org.newsline.ingest.poll;

import java.util.List;
import org.newsline.events.FeedState;
import org.newsline.events.FetchRequest;

/** What one poll of a feed produced: the new state and the fetch requests of its new items. */
record PollResult(FeedState state, List<FetchRequest> requests) {
}
