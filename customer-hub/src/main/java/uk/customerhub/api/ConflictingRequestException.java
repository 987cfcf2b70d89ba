package uk.customerhub.api;

/**
 * A request clashes with what the record already holds: an id reused with a different body, an identity that
 * belongs to another customer. Nothing was changed.
 */
public class ConflictingRequestException extends RuntimeException {
    public ConflictingRequestException(String message) {
        super(message);
    }
}
