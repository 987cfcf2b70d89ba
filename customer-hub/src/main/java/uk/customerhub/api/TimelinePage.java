package uk.customerhub.api;

import java.util.List;

/** One page of a customer's timeline, newest first. */
public record TimelinePage(String customerId, List<TimelineEntry> entries, int page, int size, long totalEntries) {
}
