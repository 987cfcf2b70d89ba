package uk.customerhub.infra.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import uk.customerhub.projections.routing.delivery.Delivery;
import uk.customerhub.projections.routing.delivery.EndpointSecret;
import uk.customerhub.projections.routing.delivery.WebhookEndpoint;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sends one webhook as Standard Webhooks v1 has it, signed with the reference library: headers {@code webhook-id}
 * (the delivery's, the same on every attempt), {@code webhook-timestamp} (this attempt, in seconds) and
 * {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}, one per active secret, so during
 * a rotation the provider can check with either). The target's addresses are checked first ({@link AddressGuard});
 * redirects are not followed (a 3xx is a failed attempt); the provider has {@code timeout} to answer.
 */
public class WebhookSender {
    static final String USER_AGENT = "CustomerHub-Webhooks/1";
    private static final int ERROR_LENGTH = 200;

    private final HttpClient http;
    private final AddressGuard guard;
    private final Duration timeout;

    public WebhookSender(AddressGuard guard, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** The {@code webhook-signature} header value: one {@code v1,} signature per secret, separated by spaces. */
    public static String signatures(List<EndpointSecret> secrets, String webhookId, long timestamp, String payload) {
        return secrets.stream().map(secret -> {
            try {
                return new Webhook(secret.secret()).sign(webhookId, timestamp, payload);
            } catch (WebhookSigningException e) {
                throw new IllegalStateException("cannot sign webhook " + webhookId, e);
            }
        }).collect(Collectors.joining(" "));
    }

    public AttemptResult send(WebhookEndpoint endpoint, Delivery delivery, Instant now) {
        URI url;
        try {
            url = URI.create(endpoint.url());
            guard.resolve(url.getHost());
        } catch (AddressGuard.RefusedAddressException e) {
            return AttemptResult.notSent(cut("refused: " + e.getMessage()));
        } catch (UnknownHostException e) {
            return AttemptResult.notSent(cut("unknown host " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            return AttemptResult.notSent(cut("bad endpoint URL: " + e.getMessage()));
        }
        List<EndpointSecret> secrets = endpoint.signingSecrets(now);
        if (secrets.isEmpty()) {
            return AttemptResult.notSent("the endpoint has no signing secret");
        }
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", delivery.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures(secrets, delivery.webhookId(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long latency = (System.nanoTime() - started) / 1_000_000;
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new AttemptResult(status, latency, null, null);
            }
            String error = status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
            return new AttemptResult(status, latency, error,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null), now));
        } catch (HttpConnectTimeoutException e) {
            return new AttemptResult(null, (System.nanoTime() - started) / 1_000_000, "could not connect within " + timeout.toSeconds() + " s", null);
        } catch (HttpTimeoutException e) {
            return new AttemptResult(null, (System.nanoTime() - started) / 1_000_000, "no answer within " + timeout.toSeconds() + " s", null);
        } catch (IOException e) {
            return new AttemptResult(null, (System.nanoTime() - started) / 1_000_000, cut("connection failed: " + e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AttemptResult(null, (System.nanoTime() - started) / 1_000_000, "interrupted", null);
        }
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String cut(String error) {
        return error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH - 1) + "…";
    }
}
