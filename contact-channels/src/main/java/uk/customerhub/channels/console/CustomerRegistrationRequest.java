package uk.customerhub.channels.console;

import uk.customerhub.api.Address;
import uk.customerhub.api.CustomerCategory;

import java.time.LocalDate;

/**
 * A customer registered by hub staff (e.g. a caller with no account yet). {@code customerId} is optional (or send an
 * {@code Idempotency-Key} header) and makes a retry safe.
 */
public record CustomerRegistrationRequest(String customerId, CustomerCategory category, String givenName,
                                          String familyName, LocalDate dateOfBirth, String email, String phone,
                                          Address address, String socialHandle) {
}
