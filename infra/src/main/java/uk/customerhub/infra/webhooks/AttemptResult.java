package uk.customerhub.infra.webhooks;

import java.time.Duration;

/**
 * What became of one attempt to send a webhook: the provider's HTTP status (null when it never answered), how long
 * it took, what went wrong (null on success) and how long the provider asked to be left alone ({@code Retry-After}).
 */
public record AttemptResult(Integer statusCode, long latencyMillis, String error, Duration retryAfter) {

    static AttemptResult notSent(String error) {
        return new AttemptResult(null, 0, error, null);
    }

    /** 2xx: the provider has it. */
    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** 410 Gone: the provider wants no more webhooks at this endpoint. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
