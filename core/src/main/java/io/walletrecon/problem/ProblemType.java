package io.walletrecon.problem;

/** Each kind of error the API answers with, carrying its HTTP status so no caller needs an if/else chain. */
public enum ProblemType {
    BAD_REQUEST(400, "Bad request"), VALIDATION(400, "Invalid request"), UNAUTHORIZED(401,
            "Authentication required"), FORBIDDEN(403, "Forbidden"), NOT_FOUND(404, "Not found"), NOT_ACCEPTABLE(406,
                    "Not acceptable"), REQUEST_TIMEOUT(408, "Request timeout"), CONFLICT(409, "Conflict"), GONE(410,
                            "Gone"), PAYLOAD_TOO_LARGE(413, "Payload too large"), UNSUPPORTED_MEDIA_TYPE(415,
                                    "Unsupported media type"), UNPROCESSABLE(422, "Unprocessable content"), LOCKED(423,
                                            "Locked"), TOO_MANY_REQUESTS(429, "Too many requests"), INTERNAL(500,
                                                    "Internal error"), UNAVAILABLE(503, "Service unavailable");

    public final int status;
    public final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The RFC 9457 type URI; stable, documented in docs/api.md. */
    public String uri() {
        return "https://walletrecon.io/problems/" + name().toLowerCase().replace('_', '-');
    }
}
