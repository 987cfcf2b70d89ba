package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.customerhub.infra.demoprovider.DemoProviderConfiguration;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo run's whole loop with no other software: every seeded provider's webhook endpoint points at the demo
 * provider; it refuses a webhook whose signature does not verify (no bearer token needed, nor enough); a pothole a
 * resident reports is routed by the hub to the highways partner, reaches the demo provider signed, and the demo
 * provider acknowledges and then fixes it through the provider API with its client-credentials token — which the
 * resident sees on their record.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DemoProviderJourneyTest {

    @Test
    void a_reported_pothole_reaches_the_demo_provider_signed_and_it_acknowledges_then_fixes_it() {
        try (RunningHub hub = RunningHub.start(List.of(), "--hub.mongo.embedded=MEMORY", "--hub.webhooks.poll-interval=200ms",
                "--hub.demo-provider.acknowledge-after=100ms", "--hub.demo-provider.fix-after=300ms")) {
            // given the demo run: each seeded provider's endpoint is the demo provider, with a secret of its own
            String admin = hub.token("staff:ada", "ADMIN", null);
            int port = Integer.parseInt(hub.bean(org.springframework.core.env.Environment.class).getProperty("local.server.port"));
            for (String providerId : DemoProviderConfiguration.PROVIDERS) {
                JsonNode endpoint = hub.client.get("/admin/providers/" + providerId + "/webhook-endpoint", admin).json();
                assertThat(endpoint.get("url").asText())
                        .isEqualTo("http://127.0.0.1:" + port + "/demo-provider/webhooks/" + providerId);
                assertThat(endpoint.get("enabled").asBoolean()).isTrue();
                assertThat(endpoint.get("secrets").get(0).get("secret").asText()).startsWith("whsec_").hasSizeLessThan(15);
            }

            // when someone posts it a webhook that is not signed with the endpoint's secret, then it is refused
            HubClient.Response forged = hub.client.post("/demo-provider/webhooks/highways-partner", null,
                    "{\"type\":\"service_request.routed\",\"timestamp\":\"2026-11-24T09:00:00Z\",\"data\":{}}",
                    "webhook-id", "msg_forged", "webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000),
                    "webhook-signature", "v1,bm90IGEgc2lnbmF0dXJl");
            assertThat(forged.status()).isEqualTo(401);
            assertThat(forged.isProblem()).isTrue();

            // when a resident reports a pothole
            String resident = hub.token("urn:fdc:gov.uk:2022:demo-" + UUID.randomUUID(), "RESIDENT", "P2");
            HubClient.Response raised = hub.client.post("/portal/me/service-requests", resident, """
                    {"serviceCode":"pothole","description":"Deep pothole by the bus stop",
                     "attributes":{"surface":"road"},"location":{"description":"12 Example Street","postcode":"SO14 7LY"}}""",
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(raised.status()).as(raised.body()).isEqualTo(201);
            String serviceRequestId = raised.json().get("serviceRequestId").asText();

            // then the demo provider acknowledges it and then fixes it, and the resident sees both with their times
            RunningHub.await("acknowledged and fixed on the resident's record", () -> "fixed".equals(request(hub, resident,
                    serviceRequestId).path("status").asText()), () -> hub.client.get("/portal/me", resident).body());
            JsonNode request = request(hub, resident, serviceRequestId);
            assertThat(request.get("providerId").asText()).isEqualTo("highways-partner");
            assertThat(request.get("updates").findValuesAsText("status")).containsExactlyInAnyOrder("acknowledged", "fixed");
            assertThat(request.get("updates").findValuesAsText("providerId")).containsOnly("highways-partner");
            assertThat(request.get("updates").findValuesAsText("updatedAt")).allSatisfy(time -> assertThat(time).isNotBlank());

            // and the delivery log shows one webhook, delivered at the first attempt
            JsonNode log = hub.client.get("/admin/service-requests/" + serviceRequestId + "/deliveries", admin).json();
            assertThat(log.get("deliveries")).hasSize(1);
            assertThat(log.get("deliveries").get(0).get("status").asText()).isEqualTo("DELIVERED");
            assertThat(log.get("deliveries").get(0).get("attemptLog")).hasSize(1);
            assertThat(log.get("deliveries").get(0).get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(204);
        }
    }

    /** The request on the resident's own view (open or recently finished), or a missing node. */
    private static JsonNode request(RunningHub hub, String resident, String serviceRequestId) {
        for (JsonNode request : hub.client.get("/portal/me", resident).json().path("openServiceRequests")) {
            if (request.path("serviceRequestId").asText().equals(serviceRequestId)) {
                return request;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
