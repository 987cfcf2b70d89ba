package uk.customerhub.api;

/**
 * One page of a customer's timeline, newest first, holding only the entries the viewer may see. Page 0 is the
 * newest. Answers an empty result when there is no such customer or the viewer may not see it. With a
 * {@code channel} and/or a {@code type}, only the contacts on that channel and/or of that type are paged through
 * (service request entries have neither, so they are left out).
 */
public record FetchTimelinePage(String customerId, Viewer viewer, int page, int size, Long awaitPosition,
                                Channel channel, ContactType type) {
    public static final int MAX_SIZE = 100;

    /** The whole timeline, unfiltered. */
    public FetchTimelinePage(String customerId, Viewer viewer, int page, int size, Long awaitPosition) {
        this(customerId, viewer, page, size, awaitPosition, null, null);
    }

    /** Whether a channel or type filter is given. */
    public boolean filtered() {
        return channel != null || type != null;
    }

    public FetchTimelinePage {
        Require.id("customerId", customerId);
        Require.present("viewer", viewer);
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
