package uk.customerhub.api;

/**
 * One page of a staff queue of unattributed contacts, newest first (page 0 is the newest), holding only the open
 * contacts the viewer may see. Staff only: any other viewer gets an empty page.
 */
public record FetchTriageQueue(TriageQueue queue, Viewer viewer, int page, int size) {
    public static final int MAX_SIZE = 100;

    public FetchTriageQueue {
        Require.present("queue", queue);
        Require.present("viewer", viewer);
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
