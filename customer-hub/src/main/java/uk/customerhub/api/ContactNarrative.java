package uk.customerhub.api;

/** The personal part of a contact: what the customer said or asked, in free text. */
public record ContactNarrative(String summary) {
    public ContactNarrative {
        summary = Require.text("summary", summary, Limits.SUMMARY);
    }
}
