package uk.customerhub.customer;

/** What the record remembers of a contact id to answer a retry with the first receipt. */
record RecordedContactId(String fingerprint, String serviceRequestId, long position) {
}
