package uk.customerhub.channels.web;

/** The record asked for does not exist, or the caller may not see it (both answer 404, so ids reveal nothing). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
