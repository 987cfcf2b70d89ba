package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.infra.webhooks.TestReceiver;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's whole loop, in the real application: a resident raises a pothole with its answers in the portal; the
 * hub's router routes it to the highways partner and records why; the partner's endpoint receives a signed webhook
 * that the Standard Webhooks library verifies with the endpoint's secret; the partner posts its progress with its
 * client-credentials token; the resident's portal and the agent's single view show each status with its time; the
 * delivery log shows the attempt. The partner's endpoint is a receiver on loopback (allowed in the test profile).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServiceRequestEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestReceiver partner = new TestReceiver();

    @AfterEach
    void stopPartner() {
        partner.close();
    }

    @Test
    void a_residents_pothole_reaches_the_highways_partner_signed_and_its_progress_reaches_the_resident_and_the_agent()
            throws Exception {
        try (RunningHub hub = RunningHub.start(List.of(), "--spring.profiles.active=test", "--hub.mongo.embedded=MEMORY",
                "--hub.webhooks.poll-interval=200ms")) {
            // given the highways partner's webhook endpoint, set by ADMIN, and its secret
            String admin = hub.client.tokenFor("ada", "ada-demo");
            HubClient.Response endpoint = hub.client.put("/admin/providers/highways-partner/webhook-endpoint", admin,
                    "{\"url\":\"" + partner.url("/hooks/customer-hub") + "\"}");
            assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
            String secret = endpoint.json().get("newSecret").asText();

            // when a resident reports a pothole with its answers in the portal
            String alice = hub.client.tokenFor("alice", "alice-demo");
            HubClient.Response raised = hub.client.post("/portal/me/service-requests", alice, """
                    {"serviceCode":"pothole","description":"Deep pothole outside number 12",
                     "attributes":{"surface":"road","depth_cm":"15"},
                     "location":{"description":"12 Example Street","postcode":"SO14 7LY"}}""", "Idempotency-Key", "pothole-1");
            assertThat(raised.status()).as(raised.body()).isEqualTo(201);
            String customerId = raised.json().get("customerId").asText();
            String requestId = raised.json().get("serviceRequestId").asText();

            // then the hub routes it to the highways partner, recording the rule, its version and the inputs it used
            RunningHub.await("the route on the record", () -> routed(hub, customerId) != null, () -> "not routed yet");
            ServiceRequestRouted routed = routed(hub, customerId);
            assertThat(routed.serviceRequestId()).isEqualTo(requestId);
            assertThat(routed.providerId()).isEqualTo("highways-partner");
            assertThat(routed.decision().ruleId()).isEqualTo("default");
            assertThat(routed.decision().rulesVersion()).isEqualTo(1);
            assertThat(routed.decision().serviceVersion()).isEqualTo(1);

            // and the partner's endpoint receives the request, signed with its secret
            RunningHub.await("the webhook at the partner", () -> partner.received().size() == 1, () -> partner.received().toString());
            TestReceiver.Received webhook = partner.received().get(0);
            new Webhook(secret).verify(webhook.body(), webhook.headers());
            JsonNode payload = JSON.readTree(webhook.body());
            assertThat(payload.get("type").asText()).isEqualTo("service_request.routed");
            assertThat(payload.get("data").get("service_request_id").asText()).isEqualTo(requestId);
            assertThat(payload.get("data").get("service_code").asText()).isEqualTo("pothole");
            assertThat(payload.get("data").get("attributes").get("depth_cm").asText()).isEqualTo("15");
            assertThat(payload.get("data").get("location").get("postcode").asText()).isEqualTo("SO14 7LY");

            // when the partner posts its progress with its client-credentials token
            String highways = hub.client.clientCredentialsToken("provider-highways-partner", "provider-highways-partner-secret");
            String updates = "/providers/v1/service-requests/" + requestId + "/updates";
            Instant acknowledgedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
            Instant fixedAt = acknowledgedAt.plusSeconds(60);
            HubClient.Response acknowledged = hub.client.post(updates, highways, """
                    {"update_id":"hw-1","status":"acknowledged","external_status_code":"INSPECT",
                     "description":"An inspector will visit within 2 days","updated_datetime":"%s"}""".formatted(acknowledgedAt));
            HubClient.Response fixed = hub.client.post(updates, highways, """
                    {"update_id":"hw-2","status":"fixed","external_status_code":"DONE",
                     "description":"Filled and sealed","updated_datetime":"%s"}""".formatted(fixedAt));
            assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(201);
            assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
            long position = fixed.json().get("position").asLong();

            // then the resident sees each status with its time
            JsonNode mine = find(hub.client.get("/portal/me?awaitPosition=" + position, alice).json(), requestId);
            assertThat(mine.get("providerId").asText()).isEqualTo("highways-partner");
            assertThat(mine.get("status").asText()).isEqualTo("fixed");
            assertThat(statusesWithTimes(mine)).containsExactlyInAnyOrder(
                    "acknowledged@" + acknowledgedAt, "fixed@" + fixedAt);

            // and so does the agent's single view
            String sam = hub.client.tokenFor("sam", "sam-demo");
            JsonNode single = find(hub.client.get("/console/customers/" + customerId + "?awaitPosition=" + position, sam).json(),
                    requestId);
            assertThat(single.get("status").asText()).isEqualTo("fixed");
            assertThat(statusesWithTimes(single)).containsExactlyInAnyOrder(
                    "acknowledged@" + acknowledgedAt, "fixed@" + fixedAt);

            // and the delivery log shows the one attempt that delivered it
            JsonNode log = hub.client.get("/admin/service-requests/" + requestId + "/deliveries", admin).json().get("deliveries");
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("webhookId").asText()).isEqualTo(webhook.header("webhook-id"));
            assertThat(log.get(0).get("providerId").asText()).isEqualTo("highways-partner");
            assertThat(log.get(0).get("status").asText()).isEqualTo("DELIVERED");
            assertThat(log.get(0).get("attemptLog")).hasSize(1);
            assertThat(log.get(0).get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(204);
            assertThat(log.get(0).get("attemptLog").get(0).has("latencyMillis")).isTrue();
        }
    }

    private static ServiceRequestRouted routed(RunningHub hub, String customerId) {
        return hub.bean(EventStore.class).readEvents(customerId).asStream().map(event -> event.getPayload())
                .filter(ServiceRequestRouted.class::isInstance).map(ServiceRequestRouted.class::cast).findFirst().orElse(null);
    }

    private static JsonNode find(JsonNode view, String requestId) {
        for (JsonNode request : view.get("openServiceRequests")) {
            if (request.get("serviceRequestId").asText().equals(requestId)) {
                return request;
            }
        }
        throw new AssertionError("request " + requestId + " not on the view: " + view);
    }

    private static List<String> statusesWithTimes(JsonNode request) {
        List<String> statuses = new java.util.ArrayList<>();
        request.get("updates").forEach(update -> statuses.add(update.get("status").asText() + "@" + update.get("updatedAt").asText()));
        return statuses;
    }
}
