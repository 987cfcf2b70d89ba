package uk.customerhub.channels.inbound;

import uk.customerhub.api.Receipt;

/**
 * What a channel system is answered once a contact it delivered is stored: the contact id, and either the customer
 * whose record holds it ({@code unattributed} false, {@code position} on that record) or, when it could not be
 * attributed, no customer ({@code unattributed} true, {@code position} on the unattributed contact's own record). A
 * retried delivery is answered the same.
 */
public record InboundReceipt(String contactId, String customerId, boolean unattributed, long position) {
    static InboundReceipt of(Receipt receipt) {
        return new InboundReceipt(receipt.contactId(), receipt.customerId(), receipt.customerId() == null, receipt.position());
    }
}
