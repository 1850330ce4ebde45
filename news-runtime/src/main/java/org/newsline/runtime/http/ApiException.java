package org.newsline.runtime.http;

/**
 * An error a caller can act on, turned into an HTTP status and a JSON body {@code {"error": message}} in one
 * place ({@link HttpServer}).
 */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
