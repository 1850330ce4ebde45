package org.newsline.cli.replay.warc;

/**
 * What an import of WARC files did: {@code records} read, {@code imported} HTML pages published,
 * {@code notResponse} records of other types (warcinfo, request, metadata, ...), {@code notHtml} responses
 * that are not HTML (images, PDF, redirects and errors), {@code truncated} responses cut short (a
 * {@code WARC-Truncated} header, a body ending early, a body over the size limit), {@code malformed} records
 * that could not be parsed (and the bytes skipped to the next record), {@code failed} pages Kafka refused.
 */
public final class ImportCounts {
    long records;
    long imported;
    long notResponse;
    long notHtml;
    long truncated;
    long malformed;
    long failed;
    long bytesRead;

    public long records() {
        return records;
    }

    public long imported() {
        return imported;
    }

    public long notResponse() {
        return notResponse;
    }

    public long notHtml() {
        return notHtml;
    }

    public long truncated() {
        return truncated;
    }

    public long malformed() {
        return malformed;
    }

    public long failed() {
        return failed;
    }

    /** Bytes of the files consumed so far (compressed size for .gz), for progress. */
    public long bytesRead() {
        return bytesRead;
    }

    void addFailed(long n) {
        failed += n;
    }

    @Override
    public String toString() {
        return "records " + records + ", imported " + imported + ", skipped: not a response " + notResponse
                + ", not HTML " + notHtml + ", truncated " + truncated + ", malformed " + malformed + "; failed "
                + failed;
    }
}
