package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import uk.customerhub.api.Channel;
import uk.customerhub.infra.security.DevAuthorizationServerConfiguration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machine endpoints are for channel systems (role CHANNEL) on their own channel only: a token whose {@code channel}
 * claim does not name the endpoint's channel is a 403; staff and residents cannot use them, nor channel systems the
 * staff console. The demo run's channel systems get such tokens by the client-credentials grant.
 */
@AutoConfigureObservability
class ChannelSecurityTest extends ChannelHubTest {

    static final Map<String, String> BODIES = Map.of(
            "/channels/telephony/calls", "{\"callId\":\"sec-1\",\"callerNumber\":\"withheld\"}",
            "/channels/email/messages", "{\"messageId\":\"sec-1@x\",\"from\":\"a@example.org\",\"subject\":\"Hi\",\"body\":\"Hi\"}",
            "/channels/webchat/sessions", "{\"sessionId\":\"sec-1\",\"transcript\":\"visitor: hi\"}",
            "/channels/social/posts", "{\"platform\":\"x\",\"handle\":\"@a\",\"postId\":\"sec-1\",\"text\":\"hi\"}",
            "/channels/referrals", "{\"referralId\":\"sec-1\",\"partner\":\"GP\",\"reason\":\"Falls\"}");

    @ParameterizedTest(name = "{0} with a token for {1}")
    @CsvSource({
            "/channels/telephony/calls, EMAIL",
            "/channels/telephony/calls, SOCIAL",
            "/channels/email/messages, PHONE",
            "/channels/webchat/sessions, EMAIL",
            "/channels/social/posts, WEBCHAT",
            "/channels/referrals, SOCIAL",
            "/channels/referrals, PHONE"})
    void a_channel_token_for_another_channel_is_a_403(String path, String channel) {
        HubClient.Response refused = hub.post(path, machine("test-" + channel.toLowerCase(), channel), BODIES.get(path));

        assertProblem(refused, 403);
        assertThat(refused.json().get("status").asInt()).isEqualTo(403);
    }

    @Test
    void a_telephony_token_naming_only_phone_cannot_report_a_call_self_served_in_the_ivr() {
        String phoneOnly = machine("test-phone-only", "PHONE");

        assertProblem(hub.post("/channels/telephony/calls", phoneOnly, "{\"callId\":\"sec-ivr\",\"callerNumber\":\"withheld\"}"), 403);
        assertThat(hub.post("/channels/telephony/calls", phoneOnly,
                "{\"callId\":\"sec-phone-" + System.nanoTime() + "\",\"callerNumber\":\"withheld\",\"answeredBy\":\"agent-1\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void a_channel_token_naming_no_channel_is_a_403() {
        assertProblem(hub.post("/channels/email/messages", machine("test-nothing"), BODIES.get("/channels/email/messages")), 403);
    }

    @Test
    void without_a_token_it_is_a_401_and_staff_or_residents_get_a_403() {
        assertProblem(hub.post("/channels/social/posts", null, BODIES.get("/channels/social/posts")), 401);
        assertProblem(hub.post("/channels/social/posts", agent(), BODIES.get("/channels/social/posts")), 403);
        assertProblem(hub.post("/channels/social/posts", newResident(), BODIES.get("/channels/social/posts")), 403);
    }

    @Test
    void channel_systems_cannot_use_the_staff_console_or_read_the_queues() {
        assertProblem(hub.get("/console/social-triage", socialFeed()), 403);
        assertProblem(hub.get("/console/unattributed-contacts", telephony()), 403);
        assertProblem(hub.post("/console/unattributed-contacts/x/close", socialFeed(), "{\"reason\":\"Spam\"}"), 403);
    }

    @Test
    void every_demo_channel_system_gets_a_token_naming_its_channels_by_the_client_credentials_grant() throws Exception {
        for (Map.Entry<String, List<Channel>> client
                : DevAuthorizationServerConfiguration.DEMO_CHANNEL_CLIENTS.entrySet()) {
            JsonNode claims = claimsOf(clientCredentialsToken(client.getKey(), client.getKey() + "-secret"));

            assertThat(claims.get("sub").asText()).isEqualTo(client.getKey());
            assertThat(claims.get("roles").get(0).asText()).isEqualTo("CHANNEL");
            List<String> channels = new ArrayList<>();
            claims.get("channel").forEach(channel -> channels.add(channel.asText()));
            assertThat(channels).containsExactlyElementsOf(client.getValue().stream().map(Enum::name).toList());
        }
        String mailGateway = clientCredentialsToken("demo-mail-gateway", "demo-mail-gateway-secret");
        assertThat(hub.post("/channels/email/messages", mailGateway,
                "{\"messageId\":\"demo-" + System.nanoTime() + "@x\",\"from\":\"a@example.org\",\"subject\":\"Hi\",\"body\":\"Hi\"}")
                .status()).isEqualTo(201);
        assertProblem(hub.post("/channels/social/posts", mailGateway, BODIES.get("/channels/social/posts")), 403);
    }

    private String clientCredentialsToken(String clientId, String secret) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    private static JsonNode claimsOf(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
