package org.newsline.store.db;

import java.util.List;

/**
 * One page of a listing. {@code nextCursor} continues the listing after the last item; it is null on the
 * last page.
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
