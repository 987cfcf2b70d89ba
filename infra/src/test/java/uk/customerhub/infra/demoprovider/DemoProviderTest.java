package uk.customerhub.infra.demoprovider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.standardwebhooks.Webhook;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.infra.eventstore.MutableClock;
import uk.customerhub.infra.webhooks.TestReceiver;
import uk.customerhub.projections.routing.delivery.EndpointSecret;
import uk.customerhub.projections.routing.delivery.WebhookEndpoint;
import uk.customerhub.projections.routing.delivery.WebhookEndpoints;
import uk.customerhub.projections.routing.delivery.WebhookPayloads;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo provider takes only webhooks whose signature verifies, then — later, on its own schedule, which the test
 * runs by hand — acknowledges and completes the request through the hub's provider API with a client-credentials
 * token. A local receiver stands in for the hub.
 */
class DemoProviderTest {
    private static MongoServer server;
    private static MongoClient client;

    private final ObjectMapper json = new ObjectMapper();
    private WebhookEndpoints endpoints;
    private MutableClock clock;
    private TestReceiver hub;
    private EndpointSecret secret;
    private final List<Scheduled> scheduled = new ArrayList<>();
    private DemoProvider provider;

    /** A task the provider scheduled, at its time on the test's own timeline (when it was scheduled plus its delay). */
    private record Scheduled(Duration at, Duration delay, Runnable task) {
    }

    private Duration elapsed = Duration.ZERO;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        endpoints = new WebhookEndpoints(client.getDatabase("demo-" + UUID.randomUUID()));
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        secret = EndpointSecret.generate(new SecureRandom(), clock.instant());
        endpoints.save(new WebhookEndpoint("highways-partner", "http://127.0.0.1/demo-provider/webhooks/highways-partner",
                List.of(secret), true, null, clock.instant(), true));
        hub = new TestReceiver();
        hub.answerByDefault(request -> request.path().equals("/oauth2/token")
                ? new TestReceiver.Answer(200, Map.of("Content-Type", "application/json"),
                "{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":300}")
                : TestReceiver.Answer.status(201));
        DemoProviderProperties properties = new DemoProviderProperties(true, hub.url(""), Duration.ofSeconds(3),
                Duration.ofSeconds(15), Duration.ofSeconds(10), 3);
        provider = new DemoProvider(endpoints, new HubCallbacks(json, () -> URI.create(hub.url("")), clock),
                (delay, task) -> scheduled.add(new Scheduled(elapsed.plus(delay), delay, task)), clock, json, properties);
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private Map<String, List<String>> signed(String webhookId, String body, String withSecret) throws Exception {
        long timestamp = clock.instant().getEpochSecond();
        return Map.of("webhook-id", List.of(webhookId), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(new Webhook(withSecret).sign(webhookId, timestamp, body)));
    }

    private String routed(String serviceRequestId) {
        return WebhookPayloads.routed(clock.instant(), serviceRequestId, "pothole", "highways-partner", 1,
                new org.bson.Document("description", "Deep pothole"));
    }

    /** Runs what the provider scheduled, soonest first, including what those tasks schedule. */
    private void runScheduled() {
        while (!scheduled.isEmpty()) {
            scheduled.sort(Comparator.comparing(Scheduled::at));
            Scheduled next = scheduled.remove(0);
            elapsed = next.at();
            next.task().run();
        }
    }

    private List<TestReceiver.Received> updates() {
        return hub.received().stream().filter(request -> request.path().startsWith("/providers/")).toList();
    }

    @Test
    void given_a_signed_routed_webhook_then_it_acknowledges_and_later_fixes_the_request_through_the_provider_api() throws Exception {
        String body = routed("sr-1");

        DemoProvider.Verdict verdict = provider.receive("highways-partner", body, signed("msg_1", body, secret.secret()));

        assertThat(verdict).isEqualTo(DemoProvider.Verdict.ACCEPTED);
        assertThat(hub.received()).as("nothing is posted before its time").isEmpty();
        assertThat(scheduled).extracting(Scheduled::delay).containsExactly(Duration.ofSeconds(3));
        runScheduled();

        TestReceiver.Received tokenRequest = hub.received().get(0);
        assertThat(tokenRequest.path()).isEqualTo("/oauth2/token");
        assertThat(tokenRequest.body()).isEqualTo("grant_type=client_credentials");
        assertThat(tokenRequest.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                "provider-highways-partner:provider-highways-partner-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(updates()).hasSize(2).allSatisfy(update -> {
            assertThat(update.method()).isEqualTo("POST");
            assertThat(update.path()).isEqualTo("/providers/v1/service-requests/sr-1/updates");
            assertThat(update.header("Authorization")).isEqualTo("Bearer token-1");
            assertThat(update.header("Content-Type")).isEqualTo("application/json");
        });
        JsonNode acknowledged = json.readTree(updates().get(0).body());
        JsonNode fixed = json.readTree(updates().get(1).body());
        assertThat(acknowledged.get("status").asText()).isEqualTo("acknowledged");
        assertThat(acknowledged.get("update_id").asText()).isEqualTo("demo-msg_1-acknowledged");
        assertThat(acknowledged.get("external_status_code").asText()).isEqualTo("DEMO-ACK");
        assertThat(acknowledged.get("description").asText()).isNotBlank();
        assertThat(Instant.parse(acknowledged.get("updated_datetime").asText())).isEqualTo(clock.instant());
        assertThat(fixed.get("status").asText()).isEqualTo("fixed");
        assertThat(fixed.get("update_id").asText()).isEqualTo("demo-msg_1-fixed");
        // one token serves both updates
        assertThat(hub.received().stream().filter(request -> request.path().equals("/oauth2/token"))).hasSize(1);
    }

    @Test
    void given_a_wrong_signature_or_a_tampered_body_then_it_is_refused_and_nothing_is_done() throws Exception {
        String body = routed("sr-1");
        String otherSecret = EndpointSecret.generate(new SecureRandom(), clock.instant()).secret();

        assertThat(provider.receive("highways-partner", body, signed("msg_1", body, otherSecret)))
                .isEqualTo(DemoProvider.Verdict.REFUSED);
        assertThat(provider.receive("highways-partner", body.replace("sr-1", "sr-2"), signed("msg_1", body, secret.secret())))
                .isEqualTo(DemoProvider.Verdict.REFUSED);
        assertThat(provider.receive("no-such-provider", body, signed("msg_1", body, secret.secret())))
                .isEqualTo(DemoProvider.Verdict.REFUSED);
        assertThat(provider.receive("highways-partner", body, Map.of())).isEqualTo(DemoProvider.Verdict.REFUSED);

        runScheduled();
        assertThat(hub.received()).isEmpty();
    }

    @Test
    void given_the_same_webhook_twice_then_the_request_is_handled_once() throws Exception {
        String body = routed("sr-1");
        provider.receive("highways-partner", body, signed("msg_1", body, secret.secret()));

        assertThat(provider.receive("highways-partner", body, signed("msg_1", body, secret.secret())))
                .isEqualTo(DemoProvider.Verdict.ALREADY_SEEN);

        runScheduled();
        assertThat(updates()).hasSize(2);
    }

    @Test
    void given_a_cancellation_before_the_work_is_done_then_no_more_updates_are_posted() throws Exception {
        String body = routed("sr-1");
        provider.receive("highways-partner", body, signed("msg_1", body, secret.secret()));
        String cancel = WebhookPayloads.cancelled(clock.instant(), "sr-1", "pothole", "highways-partner");

        assertThat(provider.receive("highways-partner", cancel, signed("msg_2", cancel, secret.secret())))
                .isEqualTo(DemoProvider.Verdict.ACCEPTED);

        runScheduled();
        assertThat(updates()).isEmpty();
    }

    @Test
    void given_the_hub_is_unavailable_then_the_update_is_posted_again_later_and_fixed_only_follows_once_acknowledged() throws Exception {
        hub.answer(new TestReceiver.Answer(200, Map.of("Content-Type", "application/json"),
                        "{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":300}"),
                TestReceiver.Answer.status(503));
        String body = routed("sr-1");
        provider.receive("highways-partner", body, signed("msg_1", body, secret.secret()));

        runScheduled();

        assertThat(updates()).extracting(update -> json.readTree(update.body()).get("status").asText())
                .containsExactly("acknowledged", "acknowledged", "fixed");
    }

    @Test
    void given_a_rotation_then_a_webhook_signed_with_either_secret_is_taken() throws Exception {
        EndpointSecret next = EndpointSecret.generate(new SecureRandom(), clock.instant());
        endpoints.save(endpoints.find("highways-partner").orElseThrow()
                .rotatedTo(next, clock.instant().plus(Duration.ofHours(1)), clock.instant()));
        String body = routed("sr-1");

        assertThat(provider.receive("highways-partner", body, signed("msg_1", body, secret.secret())))
                .isEqualTo(DemoProvider.Verdict.ACCEPTED);
        assertThat(provider.receive("highways-partner", body, signed("msg_2", body, next.secret())))
                .isEqualTo(DemoProvider.Verdict.ACCEPTED);
    }
}
