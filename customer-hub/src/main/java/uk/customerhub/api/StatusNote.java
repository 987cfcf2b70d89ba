package uk.customerhub.api;

/** The personal part of a provider's status update: its free-text note to the customer (at most {@link Limits#SUMMARY}). */
public record StatusNote(String text) {
    public StatusNote {
        text = Require.optionalText("note", text, Limits.SUMMARY);
    }
}
