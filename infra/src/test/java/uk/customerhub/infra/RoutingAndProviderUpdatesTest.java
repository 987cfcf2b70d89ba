package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import uk.customerhub.api.ServiceRequestDeliveryFailed;
import uk.customerhub.api.ServiceRequestRerouted;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.Visibility;
import uk.customerhub.infra.security.DevAuthorizationServerConfiguration;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service request routed to exactly one provider, and the provider hearing back: the router records its
 * decision on the customer's record, the provider posts progress with its client-credentials token, the resident and
 * the agent see each status with its time — and a provider can never touch another provider's request.
 */
@AutoConfigureObservability
class RoutingAndProviderUpdatesTest extends HubApplicationTest {

    @Autowired
    EventStore eventStore;

    private static final String POTHOLE = """
            {"serviceCode":"pothole","description":"Deep pothole outside the school gates",
             "attributes":{"surface":"road","depth_cm":"12"},
             "location":{"description":"Outside St Mary's school","postcode":"SO14 7LY"}}""";

    private String provider(String providerId) {
        return hub.clientCredentialsToken("provider-" + providerId, "provider-" + providerId + "-secret");
    }

    private List<DomainEventMessage<?>> eventsOf(String customerId) {
        return eventStore.readEvents(customerId).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }

    private <T> T awaitEvent(String customerId, Class<T> type) {
        RunningHub.await(type.getSimpleName() + " on " + customerId, Duration.ofSeconds(30),
                () -> eventsOf(customerId).stream().anyMatch(event -> type.isInstance(event.getPayload())),
                () -> eventsOf(customerId).stream().map(event -> event.getPayloadType().getSimpleName()).toList().toString());
        return eventsOf(customerId).stream().map(DomainEventMessage::getPayload).filter(type::isInstance).map(type::cast)
                .reduce((first, second) -> second).orElseThrow();
    }

    private String update(String updateId, String status, String note) {
        return "{\"update_id\":\"" + updateId + "\",\"status\":\"" + status + "\",\"external_status_code\":\"HW-" + updateId
                + "\",\"description\":\"" + note + "\"}";
    }

    @Test
    void a_residents_pothole_is_routed_to_the_highways_partner_whose_progress_the_resident_and_the_agent_see() {
        // given a resident reports a pothole
        String resident = newResident();
        JsonNode receipt = hub.post("/portal/me/service-requests", resident, POTHOLE).json();
        String customerId = receipt.get("customerId").asText();
        String requestId = receipt.get("serviceRequestId").asText();

        // then the router records its decision on the resident's record: provider, rule and versions
        ServiceRequestRouted routed = awaitEvent(customerId, ServiceRequestRouted.class);
        assertThat(routed.serviceRequestId()).isEqualTo(requestId);
        assertThat(routed.providerId()).isEqualTo("highways-partner");
        assertThat(routed.decision().ruleId()).isEqualTo("default");
        assertThat(routed.decision().rulesVersion()).isEqualTo(1);
        assertThat(routed.decision().serviceVersion()).isEqualTo(1);

        // when the highways partner posts its progress with its client-credentials token
        String highways = provider("highways-partner");
        HubClient.Response acknowledged = hub.post("/providers/v1/service-requests/" + requestId + "/updates", highways,
                update("u-1", "acknowledged", "Inspector booked"));
        HubClient.Response scheduled = hub.post("/providers/v1/service-requests/" + requestId + "/updates", highways,
                "{\"update_id\":\"u-2\",\"status\":\"action_scheduled\",\"external_status_code\":\"HW-22\","
                        + "\"description\":\"Repair booked for Thursday\",\"updated_datetime\":\"2026-03-02T10:00:00+00:00\"}");

        // then the resident's portal shows each status with its time
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(201);
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        assertThat(scheduled.json().get("service_request_id").asText()).isEqualTo(requestId);
        long position = scheduled.json().get("position").asLong();
        JsonNode mine = hub.get("/portal/me?awaitPosition=" + position, resident).json();
        JsonNode request = mine.get("openServiceRequests").get(0);
        assertThat(request.get("serviceRequestId").asText()).isEqualTo(requestId);
        assertThat(request.get("providerId").asText()).isEqualTo("highways-partner");
        assertThat(request.get("status").asText()).isEqualTo("acknowledged");
        assertThat(request.get("updates")).hasSize(2);
        assertThat(request.get("updates").findValuesAsText("status")).containsExactly("acknowledged", "action_scheduled");
        assertThat(request.get("updates").get(1).get("updatedAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(request.get("updates").get(1).get("note").asText()).isEqualTo("Repair booked for Thursday");
        assertThat(request.get("serviceLevel").get("response").asText()).isEqualTo("MET");

        // and so does the agent's single view
        JsonNode single = hub.get("/console/customers/" + customerId + "?awaitPosition=" + position, agent()).json();
        assertThat(single.get("openServiceRequests").get(0).get("updates").findValuesAsText("externalStatusCode"))
                .containsExactly("HW-u-1", "HW-22");
    }

    @Test
    void a_provider_cannot_update_a_request_routed_to_another_provider_and_nothing_changes() {
        JsonNode receipt = hub.post("/portal/me/service-requests", newResident(), POTHOLE).json();
        String customerId = receipt.get("customerId").asText();
        String requestId = receipt.get("serviceRequestId").asText();
        awaitEvent(customerId, ServiceRequestRouted.class);
        // the test profile gives no provider a webhook endpoint, so the hub records at once that it could not deliver
        awaitEvent(customerId, ServiceRequestDeliveryFailed.class);
        int before = eventsOf(customerId).size();

        HubClient.Response otherProvider = hub.post("/providers/v1/service-requests/" + requestId + "/updates",
                provider("waste-operations"), update("u-1", "fixed", "Done"));
        HubClient.Response unknownRequest = hub.post("/providers/v1/service-requests/sr-nobody-has/updates",
                provider("waste-operations"), update("u-2", "fixed", "Done"));
        HubClient.Response notAProvider = hub.post("/providers/v1/service-requests/" + requestId + "/updates",
                agent(), update("u-3", "fixed", "Done"));

        assertThat(otherProvider.status()).isEqualTo(404);
        assertThat(otherProvider.isProblem()).isTrue();
        assertThat(unknownRequest.status()).isEqualTo(404);
        assertThat(otherProvider.body()).isEqualTo(unknownRequest.body().replace("sr-nobody-has", requestId));
        assertThat(notAProvider.status()).isEqualTo(403);
        assertThat(eventsOf(customerId)).hasSize(before);
    }

    @Test
    void an_update_sent_again_is_recorded_once_and_its_id_with_another_body_is_a_conflict() {
        JsonNode receipt = hub.post("/portal/me/service-requests", newResident(), POTHOLE).json();
        String customerId = receipt.get("customerId").asText();
        String requestId = receipt.get("serviceRequestId").asText();
        awaitEvent(customerId, ServiceRequestRouted.class);
        String highways = provider("highways-partner");
        String path = "/providers/v1/service-requests/" + requestId + "/updates";

        HubClient.Response first = hub.post(path, highways, update("u-1", "in_progress", "Crew on site"));
        HubClient.Response again = hub.post(path, highways, update("u-1", "in_progress", "Crew on site"));
        HubClient.Response clash = hub.post(path, highways, update("u-1", "fixed", "Crew on site"));
        HubClient.Response badStatus = hub.post(path, highways, update("u-2", "resolved", "?"));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(clash.status()).isEqualTo(409);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(eventsOf(customerId).stream().filter(event -> event.getPayload() instanceof ServiceRequestStatusUpdated))
                .hasSize(1);
    }

    @Test
    void an_agent_reroutes_a_request_and_only_the_new_provider_may_update_it() {
        JsonNode receipt = hub.post("/portal/me/service-requests", newResident(), POTHOLE).json();
        String customerId = receipt.get("customerId").asText();
        String requestId = receipt.get("serviceRequestId").asText();
        awaitEvent(customerId, ServiceRequestRouted.class);
        String path = "/providers/v1/service-requests/" + requestId + "/updates";

        HubClient.Response rerouted = hub.post("/console/customers/" + customerId + "/service-requests/" + requestId + "/reroute",
                agent(), "{\"providerId\":\"waste-operations\",\"reason\":\"It is a trench left by the bin lorry\"}");

        assertThat(rerouted.status()).as(rerouted.body()).isEqualTo(200);
        ServiceRequestRerouted event = awaitEvent(customerId, ServiceRequestRerouted.class);
        assertThat(event.fromProviderId()).isEqualTo("highways-partner");
        assertThat(event.toProviderId()).isEqualTo("waste-operations");
        assertThat(hub.post(path, provider("highways-partner"), update("u-1", "fixed", "Done")).status()).isEqualTo(404);
        assertThat(hub.post(path, provider("waste-operations"), update("u-1", "acknowledged", "On it")).status()).isEqualTo(201);
        assertThat(hub.post("/console/customers/" + customerId + "/service-requests/" + requestId + "/reroute", agent(),
                "{\"providerId\":\"no-such-team\",\"reason\":\"typo\"}").status()).isEqualTo(400);
    }

    @Test
    void a_childrens_safeguarding_referral_is_a_restricted_case_routed_to_the_mash() {
        String resident = newResident();
        JsonNode receipt = hub.post("/portal/me/service-requests", resident, """
                {"serviceCode":"childrens-safeguarding-referral","description":"A child next door is often left alone at night",
                 "attributes":{"immediate_risk":"no","relationship":"member-of-public"},"location":{"postcode":"SO15 2JU"}}""").json();
        String customerId = receipt.get("customerId").asText();

        ServiceRequestRouted routed = awaitEvent(customerId, ServiceRequestRouted.class);

        assertThat(routed.providerId()).isEqualTo("childrens-mash");
        assertThat(routed.visibility()).isEqualTo(Visibility.RESTRICTED);
        assertThat(routed.specialism()).isEqualTo(Specialism.CHILDRENS_SAFEGUARDING);
        long position = receipt.get("position").asLong();
        assertThat(hub.get("/console/customers/" + customerId + "?awaitPosition=" + position, agent()).json()
                .get("openServiceRequests")).isEmpty();
        assertThat(hub.get("/console/customers/" + customerId + "?awaitPosition=" + position,
                specialist(Specialism.CHILDRENS_SAFEGUARDING)).json()
                .get("openServiceRequests").get(0).get("serviceCode").asText()).isEqualTo("childrens-safeguarding-referral");
    }

    @Test
    void a_specialist_sees_the_restricted_cases_of_her_own_specialisms_only() {
        // given a children's safeguarding referral, a restricted case of the MASH
        JsonNode receipt = hub.post("/portal/me/service-requests", newResident(), """
                {"serviceCode":"childrens-safeguarding-referral","description":"A child next door is often left alone at night",
                 "attributes":{"immediate_risk":"no","relationship":"member-of-public"},"location":{"postcode":"SO15 2JU"}}""").json();
        String customerId = receipt.get("customerId").asText();
        String path = "/console/customers/" + customerId + "?awaitPosition=" + receipt.get("position").asLong();

        // when the demo run's adults' safeguarding specialist (sasha), its children's safeguarding specialist (chris)
        // and a specialist whose token names no specialism open the record
        JsonNode seenByAdults = hub.get(path, hub.tokenFor("sasha", "sasha-demo")).json();
        JsonNode seenByChildrens = hub.get(path, hub.tokenFor("chris", "chris-demo")).json();
        JsonNode seenBySpecialistOfNone = hub.get(path, specialist()).json();

        // then only the children's specialist sees the case
        assertThat(seenByAdults.get("openServiceRequests")).isEmpty();
        assertThat(seenByAdults.get("totalEntries").asLong()).isZero();
        assertThat(seenBySpecialistOfNone.get("openServiceRequests")).isEmpty();
        assertThat(seenByChildrens.get("openServiceRequests").findValuesAsText("serviceCode"))
                .containsExactly("childrens-safeguarding-referral");
        assertThat(seenByChildrens.get("totalEntries").asLong()).isPositive();
    }

    @Test
    void the_router_cannot_be_replayed_so_it_never_routes_again() {
        HubClient.Response replay = hub.post("/admin/processors/service-request-router/replay",
                token("staff:admin-" + UUID.randomUUID(), "ADMIN", null), "{}");

        assertThat(replay.status()).isEqualTo(409);
    }

    @Test
    void every_seeded_provider_has_a_demo_client_whose_token_names_its_provider() throws Exception {
        for (String providerId : DevAuthorizationServerConfiguration.DEMO_PROVIDER_IDS) {
            String token = provider(providerId);
            JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            assertThat(claims.get("provider_id").asText()).isEqualTo(providerId);
            assertThat(claims.get("roles").get(0).asText()).isEqualTo("PROVIDER");
        }
        assertThat(hub.get("/admin/catalogue/providers", token("staff:admin-" + UUID.randomUUID(), "ADMIN", null)).json()
                .findValuesAsText("providerId")).containsAll(DevAuthorizationServerConfiguration.DEMO_PROVIDER_IDS);
    }
}
