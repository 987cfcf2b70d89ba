package uk.customerhub.api;

/** The answer to {@link FindSurvivingRecord}: the record to use, and whether the one asked about was merged into it. */
public record SurvivingRecord(String customerId, boolean merged) {
}
