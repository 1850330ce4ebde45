package org.newsline.cli.opml;

import java.util.List;

/**
 * One feed of an OPML file.
 *
 * @param xmlUrl the feed's URL, as written
 * @param title  the outline's title or text, or null
 * @param tags   the folders around the outline, outermost first, then its {@code category} values
 * @param line   where the outline starts in the file, for messages
 */
public record OpmlFeed(String xmlUrl, String title, List<String> tags, int line) {
    public OpmlFeed {
        tags = List.copyOf(tags);
    }
}
