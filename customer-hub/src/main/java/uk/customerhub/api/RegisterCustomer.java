package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Objects;

/**
 * Open the integrated record of a new customer. Registering the same customer id again with the same content is a
 * no-op (clients retry); with different content it is a conflict. The profile's e-mail and phone are linked as
 * identities, as are the identities given.
 */
public record RegisterCustomer(@TargetAggregateIdentifier String customerId,
                               CustomerCategory category,
                               CustomerProfile personal,
                               List<Identity> identities) {
    public RegisterCustomer {
        Require.id("customerId", customerId);
        Require.present("category", category);
        personal = personal == null ? CustomerProfile.empty() : personal;
        Require.atMost("identities", identities, Limits.IDENTITIES);
        if (identities != null && identities.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("identities", "must not hold an empty entry");
        }
        identities = identities == null ? List.of() : List.copyOf(identities);
    }
}
