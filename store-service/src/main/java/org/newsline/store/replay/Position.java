package org.newsline.store.replay;

/**
 * Where a replay is in its listing: the index of the feed being walked (replays of several feeds walk them
 * one after another) and the store's cursor after the last item of the last committed chunk (null: from the
 * start of that feed). {@link #END} is past the last item.
 */
public record Position(int feed, String cursor, boolean end) {

    public static final Position START = new Position(0, null, false);
    public static final Position END = new Position(-1, null, true);

    public Position next(String nextCursor, int feedCount) {
        if (nextCursor != null) {
            return new Position(feed, nextCursor, false);
        }
        return feed + 1 < feedCount ? new Position(feed + 1, null, false) : END;
    }
}
