package uk.customerhub.channels.console;

import uk.customerhub.api.Receipt;

/**
 * What a move returns once both records' events are stored: the contact (and the service request raised through it,
 * if any), the record it left and the one it is on now, and the position each reached ({@code position} is the
 * destination's, to wait for on its view; {@code fromPosition} the record it left).
 */
public record MoveReceipt(String contactId, String serviceRequestId, String fromCustomerId, String toCustomerId,
                          long position, long fromPosition) {
    static MoveReceipt of(Receipt from, Receipt to) {
        return new MoveReceipt(to.contactId(), to.serviceRequestId(), from.customerId(), to.customerId(),
                to.position(), from.position());
    }
}
