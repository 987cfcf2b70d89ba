package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Link an identity to a customer. A Digital ID subject or social handle already held by another customer is a conflict. */
public record LinkIdentity(@TargetAggregateIdentifier String customerId, Identity identity) {
    public LinkIdentity {
        Require.id("customerId", customerId);
        Require.present("identity", identity);
    }
}
