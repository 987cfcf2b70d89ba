package uk.customerhub.channels.console;

/** Attach an unattributed contact to this customer. */
public record AttachRequest(String customerId) {
}
