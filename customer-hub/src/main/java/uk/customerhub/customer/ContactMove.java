package uk.customerhub.customer;

/**
 * A contact's move as a record remembers it: the other record (where it went, or where it came from), the agent's
 * reason, and the position of the move's event (to answer a retry with the first receipt).
 */
record ContactMove(String otherCustomerId, String reason, long position) {
}
