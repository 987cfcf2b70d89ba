package uk.customerhub.api;

/** One worklist task, open or completed, if {@code viewer} may see it; an empty result otherwise. */
public record FetchWorklistTask(String taskId, Viewer viewer) {
    public FetchWorklistTask {
        Require.text("taskId", taskId, Limits.SHORT_TEXT);
        Require.present("viewer", viewer);
    }
}
