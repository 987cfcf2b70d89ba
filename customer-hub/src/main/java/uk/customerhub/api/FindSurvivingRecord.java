package uk.customerhub.api;

/**
 * The record that takes a customer's contacts now: the record it was merged into, if it was, else the record itself.
 * Used where a customer is known by an id claimed before a merge (a resident's Digital ID).
 */
public record FindSurvivingRecord(String customerId) {
    public FindSurvivingRecord {
        Require.id("customerId", customerId);
    }
}
