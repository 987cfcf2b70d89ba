package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * On the surviving record: an agent has confirmed that the record {@code retiredCustomerId} is the same person, so its
 * history is shown on this record from now on ({@link CustomersMerged}). The retired record is told first
 * ({@link MergeCustomerInto}). Asking again with the same reason answers the first receipt; with another reason, 409.
 */
public record MergeCustomers(@TargetAggregateIdentifier String customerId, String retiredCustomerId, String reason) {
    public MergeCustomers {
        Require.id("customerId", customerId);
        Require.id("retiredCustomerId", retiredCustomerId);
        reason = Require.text("reason", reason, Limits.SUMMARY);
        if (customerId.equals(retiredCustomerId)) {
            throw new InvalidInputException("retiredCustomerId", "is the surviving record itself");
        }
    }
}
