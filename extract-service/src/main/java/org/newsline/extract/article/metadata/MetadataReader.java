package org.newsline.extract.article.metadata;

import java.util.List;
import org.jsoup.nodes.Document;

/** Reads a page's metadata. */
public final class MetadataReader {

    private MetadataReader() {
    }

    /** Reads the metadata of {@code doc}, appending the sources used to {@code explanation}. */
    public static PageMetadata read(Document doc, String url, List<String> explanation) {
        String title = doc.title();
        return new PageMetadata(title.isEmpty() ? null : title, List.of(), null, null, null, null, null, null,
                null, null, List.of(), false, false);
    }
}
