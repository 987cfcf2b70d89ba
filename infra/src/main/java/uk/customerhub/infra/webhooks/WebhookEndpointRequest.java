package uk.customerhub.infra.webhooks;

/** ADMIN's settings for a provider's webhook endpoint: where to send (http or https, at most 2,000 characters) and whether to. */
public record WebhookEndpointRequest(String url, Boolean enabled) {
}
