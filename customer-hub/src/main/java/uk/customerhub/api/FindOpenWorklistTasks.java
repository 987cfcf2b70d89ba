package uk.customerhub.api;

/** The open tasks of the staff worklist that {@code viewer} may see, newest first, at most {@code limit} (1-200). */
public record FindOpenWorklistTasks(Viewer viewer, int limit) {
    public static final int MAX_LIMIT = 200;

    public FindOpenWorklistTasks {
        Require.present("viewer", viewer);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_LIMIT);
        }
    }
}
