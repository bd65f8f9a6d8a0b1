package com.stockoutradar.api;

/** A request the API refused: the HTTP status and the problem document it answered with. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String problem;

    public ApiException(int status, String problem) {
        super("HTTP " + status + ": " + problem);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    /** The {@code application/problem+json} body as sent. */
    public String problem() {
        return problem;
    }
}
