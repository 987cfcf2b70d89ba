package uk.customerhub.api;

/**
 * On the surviving record: the record {@code retiredCustomerId} is the same person and its history is shown here.
 * Who confirmed it is in the metadata ({@link Provenance}), and why under {@link #REASON}.
 */
public record CustomersMerged(String customerId, String retiredCustomerId) {
    /** Metadata key of the agent's reason for a merge or an unmerge. */
    public static final String REASON = "mergeReason";
}
