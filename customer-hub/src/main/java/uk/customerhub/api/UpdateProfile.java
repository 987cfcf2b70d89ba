package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change a customer's profile. Parts of {@code change} that are given replace the current ones; absent parts are
 * kept. A category, when given, replaces the current one. A new e-mail or phone is linked as an identity.
 */
public record UpdateProfile(@TargetAggregateIdentifier String customerId,
                            CustomerProfile change,
                            CustomerCategory category) {
    public UpdateProfile {
        Require.id("customerId", customerId);
        Require.present("change", change);
    }
}
