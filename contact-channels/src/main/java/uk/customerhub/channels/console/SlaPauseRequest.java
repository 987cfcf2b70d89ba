package uk.customerhub.channels.console;

/** Why a service request's service level clock is paused (what the provider awaits from the customer). */
public record SlaPauseRequest(String reason) {
}
