package uk.customerhub.api;

/**
 * A record that was merged into another takes no new contacts, service requests or profile changes: they belong on
 * the surviving record, {@link #survivorCustomerId()}. Nothing was changed.
 */
public class CustomerMergedException extends ConflictingRequestException {
    private final String survivorCustomerId;

    public CustomerMergedException(String customerId, String survivorCustomerId) {
        super("customer " + customerId + " was merged into customer " + survivorCustomerId
                + ": record this on " + survivorCustomerId + " instead");
        this.survivorCustomerId = survivorCustomerId;
    }

    public String survivorCustomerId() {
        return survivorCustomerId;
    }
}
