package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Objects;

/**
 * Open the integrated record of a new customer. Registering the same customer id again with the same content is a
 * no-op (clients retry); with different content it is a conflict. The profile's e-mail and phone are linked as
 * identities, as are the identities given.
 * <p>
 * {@code provisional} opens a <b>provisional record</b>: one the hub opened itself so that a report whose reporter it
 * cannot tell apart (anonymous, or an e-mail or phone several customers share) still belongs to a customer, as every
 * service request must. Staff may later complete it or find the reporter's own record. Not provisional, it is left
 * out of the command's text, so registrations sent before it existed keep their fingerprints.
 */
public record RegisterCustomer(@TargetAggregateIdentifier String customerId,
                               CustomerCategory category,
                               CustomerProfile personal,
                               List<Identity> identities,
                               boolean provisional) {
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

    /** A registration of a customer known to the hub (not provisional). */
    public RegisterCustomer(String customerId, CustomerCategory category, CustomerProfile personal, List<Identity> identities) {
        this(customerId, category, personal, identities, false);
    }

    /** The text a registration's fingerprint is taken from; as before provisional records existed unless provisional. */
    @Override
    public String toString() {
        String before = "RegisterCustomer[customerId=" + customerId + ", category=" + category + ", personal=" + personal
                + ", identities=" + identities;
        return provisional ? before + ", provisional=true]" : before + "]";
    }
}
