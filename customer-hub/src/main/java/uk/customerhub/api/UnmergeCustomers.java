package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * On the surviving record: the record {@code retiredCustomerId} was merged into it by mistake; its history leaves this
 * record's view again ({@link CustomersUnmerged}). Asking again once unmerged answers the first receipt.
 */
public record UnmergeCustomers(@TargetAggregateIdentifier String customerId, String retiredCustomerId, String reason) {
    public UnmergeCustomers {
        Require.id("customerId", customerId);
        Require.id("retiredCustomerId", retiredCustomerId);
        reason = Require.text("reason", reason, Limits.SUMMARY);
    }
}
