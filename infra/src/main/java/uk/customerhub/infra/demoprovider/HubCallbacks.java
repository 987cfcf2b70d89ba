package uk.customerhub.infra.demoprovider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How the demo provider talks to the hub, as a partner's system would: a client-credentials token from the hub's
 * authorization server ({@code /oauth2/token}, client {@code provider-<providerId>}, secret
 * {@code provider-<providerId>-secret}), kept until shortly before it expires, then the status update posted with it.
 */
public class HubCallbacks {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final Supplier<URI> hub;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expiresAt) {
    }

    public HubCallbacks(ObjectMapper json, Supplier<URI> hub, Clock clock) {
        this.json = json;
        this.hub = hub;
        this.clock = clock;
    }

    public static String clientId(String providerId) {
        return "provider-" + providerId;
    }

    public static String clientSecret(String providerId) {
        return clientId(providerId) + "-secret";
    }

    /**
     * Posts one update about a service request as provider {@code providerId}.
     *
     * @return the hub's HTTP status (a fresh token is fetched once should the hub answer 401)
     */
    public int post(String providerId, String serviceRequestId, ProviderUpdate update) throws IOException, InterruptedException {
        int status = postWith(token(providerId, false), serviceRequestId, update);
        if (status == 401) {
            status = postWith(token(providerId, true), serviceRequestId, update);
        }
        return status;
    }

    private int postWith(String token, String serviceRequestId, ProviderUpdate update) throws IOException, InterruptedException {
        URI target = hub.get().resolve("/providers/v1/service-requests/"
                + URLEncoder.encode(serviceRequestId, StandardCharsets.UTF_8) + "/updates");
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(update)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String token(String providerId, boolean fresh) throws IOException, InterruptedException {
        Token known = tokens.get(providerId);
        if (!fresh && known != null && clock.instant().isBefore(known.expiresAt())) {
            return known.value();
        }
        String basic = Base64.getEncoder().encodeToString((clientId(providerId) + ":" + clientSecret(providerId))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(hub.get().resolve("/oauth2/token"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the hub refused a token to " + clientId(providerId) + ": HTTP " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        long lifetime = answer.path("expires_in").asLong(60);
        Token token = new Token(answer.path("access_token").asText(), clock.instant().plusSeconds(Math.max(0, lifetime - 30)));
        tokens.put(providerId, token);
        return token.value();
    }
}
