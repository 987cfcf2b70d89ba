package uk.customerhub.customer;

/** What the record remembers of one merge or unmerge, to answer a retry with its first receipt. */
record MergeState(String reason, long position) {
}
