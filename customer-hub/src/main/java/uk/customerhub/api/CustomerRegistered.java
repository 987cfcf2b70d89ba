package uk.customerhub.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer's integrated record was opened. {@code personal} holds all personal data of the event. {@code provisional}
 * is true for a provisional record (see {@link RegisterCustomer}); otherwise it is absent, and left out of the stored
 * form, so records opened before it existed keep their shape.
 */
public record CustomerRegistered(String customerId, CustomerCategory category, CustomerProfile personal,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Boolean provisional) {
    @JsonCreator
    public CustomerRegistered {
        provisional = Boolean.TRUE.equals(provisional) ? Boolean.TRUE : null;
    }

    /** The registration of a customer known to the hub (not provisional). */
    public CustomerRegistered(String customerId, CustomerCategory category, CustomerProfile personal) {
        this(customerId, category, personal, null);
    }
}
