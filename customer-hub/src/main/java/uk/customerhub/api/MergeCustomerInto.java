package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * On the record being retired: it is the same person as {@code survivorCustomerId}, whose record takes its place
 * ({@link CustomerMergedInto}). From then on it takes no new contacts. Asking again with the same reason answers the
 * first receipt; with another reason or another survivor, 409.
 */
public record MergeCustomerInto(@TargetAggregateIdentifier String customerId, String survivorCustomerId, String reason) {
    public MergeCustomerInto {
        Require.id("customerId", customerId);
        Require.id("survivorCustomerId", survivorCustomerId);
        reason = Require.text("reason", reason, Limits.SUMMARY);
        if (customerId.equals(survivorCustomerId)) {
            throw new InvalidInputException("survivorCustomerId", "is the retired record itself");
        }
    }
}
