package uk.customerhub.api;

/**
 * What a write returns once its events are stored: the ids concerned and the position the customer's record reached
 * (the sequence number of its last event). A read may ask to wait until the single view has reached that position.
 */
public record Receipt(String customerId, String contactId, String serviceRequestId, long position) {
    public static Receipt of(String customerId, long position) {
        return new Receipt(customerId, null, null, position);
    }
}
