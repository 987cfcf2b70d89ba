package uk.customerhub.api;

/** A command or query broke a rule about its own content (a missing field, a text past its limit). */
public class InvalidInputException extends IllegalArgumentException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The name of the offending field, as the API names it. */
    public String field() {
        return field;
    }
}
