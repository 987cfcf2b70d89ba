package uk.customerhub.channels.open311;

/** An Open311 request refused: answered with its HTTP status in Open311's own error format. */
public class Open311Exception extends RuntimeException {
    private final int status;

    public Open311Exception(int status, String description) {
        super(description);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(400, description);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(404, description);
    }
}
