package uk.customerhub.channels.console;

import uk.customerhub.api.Receipt;

/**
 * What a merge or an unmerge returns once both records' events are stored: the two records and the position each
 * reached ({@code position} is the survivor's, to wait for on its view; {@code retiredPosition} the retired record's).
 */
public record MergeReceipt(String survivorCustomerId, String retiredCustomerId, long position, long retiredPosition) {
    static MergeReceipt of(Receipt survivor, Receipt retired) {
        return new MergeReceipt(survivor.customerId(), retired.customerId(), survivor.position(), retired.position());
    }
}
