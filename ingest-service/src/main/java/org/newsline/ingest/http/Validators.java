package org.newsline.ingest.http;

/**
 * The validators of a conditional GET, from the previous response's {@code ETag} and {@code Last-Modified}.
 * Either may be null.
 */
public record Validators(String etag, String lastModified) {

    /** No validators: an unconditional GET. */
    public static final Validators NONE = new Validators(null, null);

    /** The validators {@code result} carries, for the next conditional GET. */
    public static Validators of(FetchResult result) {
        return new Validators(result.headers().get("etag"), result.headers().get("last-modified"));
    }

    public boolean isEmpty() {
        return (etag == null || etag.isBlank()) && (lastModified == null || lastModified.isBlank());
    }
}
