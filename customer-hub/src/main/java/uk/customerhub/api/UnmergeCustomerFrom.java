package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * On the retired record: it is a record of its own again, no longer merged into {@code survivorCustomerId}
 * ({@link CustomerUnmergedFrom}), and takes contacts again. Asking again once unmerged answers the first receipt.
 */
public record UnmergeCustomerFrom(@TargetAggregateIdentifier String customerId, String survivorCustomerId, String reason) {
    public UnmergeCustomerFrom {
        Require.id("customerId", customerId);
        Require.id("survivorCustomerId", survivorCustomerId);
        reason = Require.text("reason", reason, Limits.SUMMARY);
    }
}
