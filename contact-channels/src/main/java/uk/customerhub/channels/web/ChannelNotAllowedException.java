package uk.customerhub.channels.web;

/** A channel system submitted on a channel its token does not name (answered 403). */
public class ChannelNotAllowedException extends RuntimeException {
    public ChannelNotAllowedException(String message) {
        super(message);
    }
}
