package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.customerhub.api.ServiceRequestDeliveryFailed;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.infra.webhooks.TestReceiver;
import uk.customerhub.projections.routing.delivery.Deliveries;
import uk.customerhub.projections.routing.delivery.WebhookOutbox;
import uk.customerhub.projections.routing.delivery.WebhookPayloads;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook outbox in the running hub, fed by the hub's own router (a pothole goes to the highways partner, a missed
 * bin to waste operations): a redelivered routing event and a replay send nothing twice; a retry that falls due while
 * the hub is down is made after it starts again, under the same webhook id; when retries run out the delivery is a
 * dead letter, the customer's record says so and staff get a task; ADMIN can send it again. The providers' endpoints
 * are pointed (ADMIN API) at a receiver on loopback, which the test profile allows, before anything is raised.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WebhookOutboxRestartTest {

    @TempDir
    Path dataDirectory;

    private final TestReceiver provider = new TestReceiver();

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private RunningHub start(List<Class<?>> sources) {
        return RunningHub.start(sources, "--spring.profiles.active=test", "--hub.mongo.embedded=FILE",
                "--hub.mongo.data-directory=" + dataDirectory, "--hub.webhooks.poll-interval=200ms");
    }

    private static HubClient.Response put(RunningHub hub, String path, String token, String json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port(hub) + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            return new HubClient.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int port(RunningHub hub) {
        return Integer.parseInt(hub.bean(org.springframework.core.env.Environment.class).getProperty("local.server.port"));
    }

    /** A service request raised by a new resident through the portal: {customerId, serviceRequestId}. */
    private static JsonNode raise(RunningHub hub, String requestJson) {
        String resident = hub.token("urn:fdc:gov.uk:2022:webhooks-" + UUID.randomUUID(), "RESIDENT", "P2");
        HubClient.Response raised = hub.client.post("/portal/me/service-requests", resident, requestJson,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json();
    }

    private static final String POTHOLE = """
            {"serviceCode":"pothole","description":"Deep pothole by the bus stop",
             "attributes":{"surface":"road","depth_cm":"12"},"location":{"description":"12 Example Street","postcode":"SO14 7LY"}}""";
    private static final String MISSED_BIN = """
            {"serviceCode":"missed-bin","description":"Grey bin not collected on Tuesday",
             "attributes":{"bin_type":"general-waste"},"location":{"description":"12 Example Street","postcode":"SO14 7LY"}}""";

    /** The route the hub's router recorded on the customer's record, once it is there. */
    private static DomainEventMessage<?> routed(RunningHub hub, String customerId) {
        RunningHub.await("the router to route the request", () -> routedEvent(hub, customerId) != null, () -> "not routed yet");
        return routedEvent(hub, customerId);
    }

    private static DomainEventMessage<?> routedEvent(RunningHub hub, String customerId) {
        return hub.bean(EventStore.class).readEvents(customerId).asStream()
                .filter(event -> event.getPayload() instanceof ServiceRequestRouted).findFirst().orElse(null);
    }

    private static JsonNode deliveries(RunningHub hub, String admin, String serviceRequestId) {
        HubClient.Response log = hub.client.get("/admin/service-requests/" + serviceRequestId + "/deliveries", admin);
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        return log.json().get("deliveries");
    }

    @Test
    void no_double_delivery_under_redelivery_or_replay_and_a_pending_retry_survives_a_restart() throws Exception {
        provider.answer(TestReceiver.Answer.status(503));
        String serviceRequestId;
        String webhookId;
        try (RunningHub hub = start(List.of())) {
            String admin = hub.token("staff:ada", "ADMIN", null);
            HubClient.Response created = put(hub, "/admin/providers/highways-partner/webhook-endpoint", admin,
                    "{\"url\":\"" + provider.url("/highways") + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String secret = created.json().get("newSecret").asText();
            assertThat(secret).startsWith("whsec_");
            assertThat(hub.client.get("/admin/providers/highways-partner/webhook-endpoint", admin).body()).doesNotContain(secret);

            // when a resident reports a pothole, which the hub routes to the highways partner
            JsonNode request = raise(hub, POTHOLE);
            serviceRequestId = request.get("serviceRequestId").asText();
            DomainEventMessage<?> routed = routed(hub, request.get("customerId").asText());
            assertThat(((ServiceRequestRouted) routed.getPayload()).providerId()).isEqualTo("highways-partner");
            webhookId = WebhookOutbox.webhookId(routed.getIdentifier(), WebhookPayloads.ROUTED, "highways-partner");
            RunningHub.await("the first attempt", () -> provider.received().size() == 1, () -> provider.received().toString());
            String id = serviceRequestId;
            RunningHub.await("the first attempt in the log",
                    () -> deliveries(hub, admin, id).path(0).path("attempts").asInt() == 1, () -> deliveries(hub, admin, id).toString());

            // the same event again (as after a crash before the processor stored its token), and a replay
            new AnnotationEventHandlerAdapter(hub.bean(WebhookOutbox.class)).handle(routed);
            assertThat(hub.client.post("/admin/processors/" + WebhookOutbox.PROCESSING_GROUP + "/replay", admin, "").status())
                    .isEqualTo(202);
            hub.awaitCaughtUp(WebhookOutbox.PROCESSING_GROUP);

            JsonNode log = deliveries(hub, admin, serviceRequestId);
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("webhookId").asText()).isEqualTo(webhookId);
            assertThat(log.get(0).get("status").asText()).isEqualTo("PENDING");
            assertThat(log.get(0).get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(503);
            assertThat(hub.collection(Deliveries.OUTBOX)).containsOnlyKeys(webhookId);
        }
        assertThat(provider.received()).hasSize(1);

        // the retry (5 s after the first attempt) falls due while the hub is down; the provider is back
        try (RunningHub hub = start(List.of(MovableHubClock.Sources.class))) {
            String admin = hub.token("staff:ada", "ADMIN", null);
            RunningHub.await("the retry after the restart", () -> provider.received().size() == 2, () -> provider.received().toString());
            assertThat(provider.received()).extracting(received -> received.header("webhook-id")).containsOnly(webhookId);
            String id = serviceRequestId;
            RunningHub.await("the delivery to be done", () -> deliveries(hub, admin, id).get(0).get("status").asText()
                    .equals("DELIVERED"), () -> deliveries(hub, admin, id).toString());
            JsonNode attempts = deliveries(hub, admin, serviceRequestId).get(0).get("attemptLog");
            assertThat(attempts).extracting(attempt -> attempt.get("statusCode").asInt()).containsExactly(503, 204);
            assertThat(hub.collection(Deliveries.OUTBOX)).isEmpty();

            // retries exhausted: a dead letter, and the customer's record says so
            provider.answerByDefault(received -> TestReceiver.Answer.status(500));
            put(hub, "/admin/providers/waste-operations/webhook-endpoint", admin, "{\"url\":\"" + provider.url("/waste") + "\"}");
            JsonNode request = raise(hub, MISSED_BIN);
            String failing = request.get("serviceRequestId").asText();
            assertThat(((ServiceRequestRouted) routed(hub, request.get("customerId").asText()).getPayload()).providerId())
                    .isEqualTo("waste-operations");
            MovableHubClock clock = hub.bean(MovableHubClock.class);
            for (int attempt = 1; attempt <= 10; attempt++) {
                int expected = attempt;
                RunningHub.await("attempt " + attempt, () -> provider.received().stream()
                        .filter(received -> received.path().equals("/waste")).count() == expected, () -> provider.received().toString());
                clock.advance(Duration.ofHours(25));
            }
            String customerId = request.get("customerId").asText();
            RunningHub.await("the failure on the customer's record", () -> hub.bean(EventStore.class).readEvents(customerId)
                    .asStream().anyMatch(event -> event.getPayload() instanceof ServiceRequestDeliveryFailed), () -> "none yet");
            ServiceRequestDeliveryFailed failed = (ServiceRequestDeliveryFailed) hub.bean(EventStore.class).readEvents(customerId)
                    .asStream().filter(event -> event.getPayload() instanceof ServiceRequestDeliveryFailed).findFirst()
                    .orElseThrow().getPayload();
            assertThat(failed.serviceRequestId()).isEqualTo(failing);
            assertThat(failed.providerId()).isEqualTo("waste-operations");
            assertThat(failed.attempts()).isEqualTo(10);
            assertThat(failed.lastError()).isEqualTo("HTTP 500");
            JsonNode letters = hub.client.get("/admin/webhook-dead-letters", admin).json();
            assertThat(letters).extracting(letter -> letter.get("serviceRequestId").asText()).containsExactly(failing);
            RunningHub.await("the outbox to be empty", () -> hub.collection(Deliveries.OUTBOX).isEmpty(),
                    () -> hub.collection(Deliveries.OUTBOX).toString());
            assertThat(deliveries(hub, admin, failing).get(0).get("failureRecorded").asBoolean()).isTrue();
            String taskId = "delivery-failed:" + letters.get(0).get("webhookId").asText();
            String agent = hub.token("staff:agent-" + UUID.randomUUID(), "AGENT", null);
            RunningHub.await("the task on the staff worklist", () -> hub.client.get("/console/worklist?limit=200", agent).json()
                    .get("tasks").findValuesAsText("taskId").contains(taskId), () -> hub.client.get("/console/worklist", agent).body());
            assertThat(hub.client.get("/console/worklist/" + taskId, agent).json().toString()).contains(failing);

            // ADMIN redelivers by hand once the provider is back
            provider.answerByDefault(received -> TestReceiver.Answer.status(200));
            String deadId = letters.get(0).get("webhookId").asText();
            HubClient.Response again = hub.client.post("/admin/service-requests/" + failing + "/deliveries/" + deadId
                    + "/redelivery", admin, "");
            assertThat(again.status()).as(again.body()).isEqualTo(202);
            RunningHub.await("the redelivery", () -> deliveries(hub, admin, failing).get(0).get("status").asText()
                    .equals("DELIVERED"), () -> deliveries(hub, admin, failing).toString());
            assertThat(hub.client.get("/admin/webhook-dead-letters", admin).json()).isEmpty();
        }
    }
}
