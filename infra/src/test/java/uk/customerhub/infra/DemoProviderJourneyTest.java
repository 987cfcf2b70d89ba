package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.RoutingDecision;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.Visibility;
import uk.customerhub.infra.demoprovider.DemoProviderConfiguration;
import uk.customerhub.infra.webhooks.TestReceiver;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo run's provider: every seeded provider's webhook endpoint points at it; it refuses a webhook whose
 * signature does not verify (no bearer token needed, nor enough); a request routed to a provider reaches it signed,
 * and it acknowledges and then fixes the request through the provider API with a client-credentials token. The
 * provider API and its clients are another part of the hub, so here a receiver on loopback stands in for them.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DemoProviderJourneyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestReceiver providerApi = new TestReceiver();

    @AfterEach
    void stop() {
        providerApi.close();
    }

    @Test
    void a_routed_request_reaches_the_demo_provider_signed_and_it_acknowledges_then_fixes_it() throws Exception {
        providerApi.answerByDefault(request -> request.path().equals("/oauth2/token")
                ? new TestReceiver.Answer(200, Map.of("Content-Type", "application/json"),
                "{\"access_token\":\"provider-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")
                : TestReceiver.Answer.status(201));
        try (RunningHub hub = RunningHub.start(List.of(), "--hub.mongo.embedded=MEMORY", "--hub.webhooks.poll-interval=200ms",
                "--hub.demo-provider.hub-url=" + providerApi.url(""), "--hub.demo-provider.acknowledge-after=100ms",
                "--hub.demo-provider.fix-after=300ms")) {
            String admin = hub.token("staff:ada", "ADMIN", null);
            int port = Integer.parseInt(hub.bean(org.springframework.core.env.Environment.class).getProperty("local.server.port"));
            for (String providerId : DemoProviderConfiguration.PROVIDERS) {
                JsonNode endpoint = hub.client.get("/admin/providers/" + providerId + "/webhook-endpoint", admin).json();
                assertThat(endpoint.get("url").asText())
                        .isEqualTo("http://127.0.0.1:" + port + "/demo-provider/webhooks/" + providerId);
                assertThat(endpoint.get("enabled").asBoolean()).isTrue();
                assertThat(endpoint.get("secrets").get(0).get("secret").asText()).startsWith("whsec_").hasSizeLessThan(15);
            }

            HubClient.Response forged = hub.client.post("/demo-provider/webhooks/highways-partner", null,
                    "{\"type\":\"service_request.routed\",\"timestamp\":\"2026-11-24T09:00:00Z\",\"data\":{}}",
                    "webhook-id", "msg_forged", "webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000),
                    "webhook-signature", "v1,bm90IGEgc2lnbmF0dXJl");
            assertThat(forged.status()).isEqualTo(401);
            assertThat(forged.isProblem()).isTrue();

            String resident = hub.token("urn:fdc:gov.uk:2022:demo-" + UUID.randomUUID(), "RESIDENT", "P2");
            JsonNode raised = hub.client.post("/portal/me/service-requests", resident, """
                    {"serviceCode":"pothole","description":"Deep pothole by the bus stop",
                     "attributes":{"surface":"road"},"location":{"description":"12 Example Street","postcode":"SO14 7LY"}}""",
                    "Idempotency-Key", UUID.randomUUID().toString()).json();
            String serviceRequestId = raised.get("serviceRequestId").asText();
            hub.bean(EventStore.class).publish(new GenericDomainEventMessage<>("Customer", "routing-test-" + UUID.randomUUID(), 0,
                    new ServiceRequestRouted(raised.get("customerId").asText(), serviceRequestId, "pothole", "highways-partner",
                            new RoutingDecision("pothole-default", 1, 1, Map.of()), Visibility.RESIDENT_VISIBLE, null),
                    MetaData.with(Provenance.ORGANISATION, Provenance.DEFAULT_ORGANISATION)));

            RunningHub.await("acknowledged and fixed posted by the demo provider", () -> providerApi.received().stream()
                    .filter(request -> request.path().startsWith("/providers/")).count() == 2, () -> providerApi.received().toString());
            List<TestReceiver.Received> updates = providerApi.received().stream()
                    .filter(request -> request.path().startsWith("/providers/")).toList();
            assertThat(updates).allSatisfy(update -> {
                assertThat(update.path()).isEqualTo("/providers/v1/service-requests/" + serviceRequestId + "/updates");
                assertThat(update.header("Authorization")).isEqualTo("Bearer provider-token");
            });
            assertThat(updates).extracting(update -> JSON.readTree(update.body()).get("status").asText())
                    .containsExactly("acknowledged", "fixed");
            assertThat(providerApi.received().get(0).header("Authorization")).startsWith("Basic ");

            JsonNode log = hub.client.get("/admin/service-requests/" + serviceRequestId + "/deliveries", admin).json();
            assertThat(log.get("deliveries").get(0).get("status").asText()).isEqualTo("DELIVERED");
            assertThat(log.get("deliveries").get(0).get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(204);
        }
    }
}
