package uk.customerhub.infra.webhooks;

import java.time.Duration;

/** How long the secret being replaced keeps signing beside the new one (ISO 8601, e.g. {@code PT24H}; at most 7 days). */
public record SecretRotationRequest(Duration previousSecretValidFor) {
}
