package uk.customerhub.channels.console;

/** Staff send a service request to another provider ({@code providerId}), saying why. */
public record RerouteRequest(String providerId, String reason) {
}
