package uk.customerhub.api;

import java.util.List;

/**
 * One page of a staff queue, newest first. {@code totalEntries} counts the open contacts in the queue; entries the
 * viewer may not see (restricted to another specialism) are left out of the page.
 */
public record TriageQueuePage(TriageQueue queue, List<UnattributedContactView> entries, int page, int size,
                              long totalEntries) {
}
