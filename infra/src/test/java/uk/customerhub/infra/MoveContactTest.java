package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import uk.customerhub.api.FetchServiceRequestOwner;
import uk.customerhub.api.ServiceRequestOwner;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.ServiceRequestStatusUpdated;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After an unmerge, an agent moves a contact that arrived on the survivor while merged (a pothole the son reported)
 * to the son's own record: the son's single view shows the contact and its service request, the record it left still
 * shows the contact, marked as moved and where to, and the provider's next update reaches the son's record.
 */
@AutoConfigureObservability
class MoveContactTest extends ChannelHubTest {
    static final String WHY = "Reported by her son while the records were merged";

    @Autowired
    EventStore eventStore;

    @Autowired
    QueryGateway queries;

    @Test
    void a_contact_moved_after_an_unmerge_shows_on_its_new_record_is_marked_moved_on_the_old_and_its_provider_follows() {
        // given a mother and son merged by mistake, a pothole reported while merged (on the mother's record), unmerged
        String agent = agent();
        String mother = registered(agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Maud\",\"familyName\":\"Mover\"}");
        String son = registered(agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Milo\",\"familyName\":\"Mover\"}");
        hub.post("/console/customers/" + mother + "/merges", agent,
                "{\"retiredCustomerId\":\"" + son + "\",\"reason\":\"Same surname and address\"}");
        JsonNode raised = hub.post("/console/customers/" + mother + "/service-requests", agent, """
                {"channel":"PHONE","serviceCode":"pothole","description":"Pothole outside number 12",
                 "attributes":{"surface":"road","depth_cm":"9"},"location":{"postcode":"SO14 7LY"}}""").json();
        String contactId = raised.get("contactId").asText();
        String requestId = raised.get("serviceRequestId").asText();
        awaitEvent(mother, ServiceRequestRouted.class);
        hub.post("/console/customers/" + mother + "/merges/" + son + "/unmerge", agent, "{\"reason\":\"Two people\"}");
        String highways = hub.clientCredentialsToken("provider-highways-partner", "provider-highways-partner-secret");
        String updates = "/providers/v1/service-requests/" + requestId + "/updates";
        assertThat(hub.post(updates, highways, update("u-1", "acknowledged", "Inspector booked")).status()).isEqualTo(201);

        String beforeTheMove = java.time.Instant.now().toString();
        // when the agent moves the contact to the son's record
        HubClient.Response moved = hub.post("/console/customers/" + mother + "/contacts/" + contactId + "/move", agent,
                "{\"toCustomerId\":\"" + son + "\",\"reason\":\"" + WHY + "\"}");

        // then the son's single view shows the contact and its request, as far as it got, marked as moved from the mother
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode receipt = moved.json();
        assertThat(receipt.get("serviceRequestId").asText()).isEqualTo(requestId);
        JsonNode sons = view(agent, son, receipt.get("position").asLong());
        JsonNode request = sons.get("openServiceRequests").get(0);
        assertThat(request.get("serviceRequestId").asText()).isEqualTo(requestId);
        assertThat(request.get("providerId").asText()).isEqualTo("highways-partner");
        assertThat(request.get("status").asText()).isEqualTo("acknowledged");
        assertThat(request.get("serviceLevel").get("response").asText()).isEqualTo("MET");
        assertThat(sons.get("recentEntries")).extracting(entry -> entry.get("contactId").asText())
                .containsExactly(contactId, contactId);
        assertThat(sons.get("recentEntries")).extracting(entry -> entry.get("movedFrom").asText())
                .containsOnly(mother);
        assertThat(sons.get("contactsByChannel").get("PHONE").asLong()).isEqualTo(1);

        // and the mother's record still shows the contact, marked as moved to the son, but no longer its request
        JsonNode mothers = view(agent, mother, receipt.get("fromPosition").asLong());
        assertThat(mothers.get("openServiceRequests")).isEmpty();
        assertThat(mothers.get("recentEntries")).extracting(entry -> entry.get("movedTo").asText())
                .containsExactly(son, son);
        JsonNode page = hub.get("/console/customers/" + mother + "/timeline?size=5", agent).json();
        assertThat(page.get("entries")).extracting(entry -> entry.get("movedTo").asText()).containsExactly(son, son);

        // and the mother's view as of before the move still shows the request, unmarked; the son's as of now shows it
        JsonNode mothersThen = hub.get("/console/customers/" + mother + "/view?asOf=" + beforeTheMove, agent).json();
        assertThat(mothersThen.get("openServiceRequests")).extracting(r -> r.get("serviceRequestId").asText())
                .containsExactly(requestId);
        assertThat(mothersThen.get("recentEntries")).allSatisfy(entry -> assertThat(entry.path("movedTo").isNull()
                || entry.path("movedTo").isMissingNode()).isTrue());
        JsonNode sonsNow = hub.get("/console/customers/" + son + "/view?asOf=" + java.time.Instant.now(), agent).json();
        assertThat(sonsNow.get("openServiceRequests")).isEqualTo(sons.get("openServiceRequests"));
        assertThat(sonsNow.get("recentEntries")).isEqualTo(sons.get("recentEntries"));

        // and the same move again answers the same; moving it elsewhere now is a conflict
        HubClient.Response again = hub.post("/console/customers/" + mother + "/contacts/" + contactId + "/move", agent,
                "{\"toCustomerId\":\"" + son + "\",\"reason\":\"" + WHY + "\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(receipt);
        String third = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Elsewhere\"}");
        assertProblem(hub.post("/console/customers/" + mother + "/contacts/" + contactId + "/move", agent,
                "{\"toCustomerId\":\"" + third + "\",\"reason\":\"" + WHY + "\"}"), 409);

        // and whose request it is follows the contact: the provider's next update lands on the son's record
        assertThat(owner(requestId)).contains(new ServiceRequestOwner(son, contactId));
        HubClient.Response fixed = hub.post(updates, highways, update("u-2", "fixed", "Filled"));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
        ServiceRequestStatusUpdated landed = awaitEvent(son, ServiceRequestStatusUpdated.class);
        assertThat(landed.updateId()).isEqualTo("u-2");
        assertThat(hub.post(updates, highways, update("u-1", "acknowledged", "Inspector booked")).status())
                .as("the update the mother's record took, sent again").isEqualTo(201);
        JsonNode after = view(agent, son, fixed.json().get("position").asLong());
        assertThat(after.get("openServiceRequests").get(0).get("status").asText()).isEqualTo("fixed");
        assertThat(eventsOf(mother).stream().filter(event -> event.getPayload() instanceof ServiceRequestStatusUpdated))
                .hasSize(1);
    }

    @Test
    void a_contact_cannot_move_to_a_record_merged_into_another_nor_without_a_reason_and_nothing_moves() {
        String agent = agent();
        String from = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Stays\"}");
        String survivor = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Survives\"}");
        String retired = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Survives\"}");
        JsonNode merge = hub.post("/console/customers/" + survivor + "/merges", agent,
                "{\"retiredCustomerId\":\"" + retired + "\",\"reason\":\"Same person\"}").json();
        view(agent, retired, merge.get("retiredPosition").asLong());
        JsonNode contact = hub.post("/console/customers/" + from + "/contacts", agent,
                "{\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"stays here\"}").json();

        HubClient.Response refused = hub.post("/console/customers/" + from + "/contacts/"
                + contact.get("contactId").asText() + "/move", agent,
                "{\"toCustomerId\":\"" + retired + "\",\"reason\":\"" + WHY + "\"}");

        assertProblem(refused, 409);
        assertThat(refused.json().get("survivorCustomerId").asText()).isEqualTo(survivor);
        assertProblem(hub.post("/console/customers/" + from + "/contacts/" + contact.get("contactId").asText() + "/move",
                agent, "{\"toCustomerId\":\"" + survivor + "\"}"), 400);
        assertProblem(hub.post("/console/customers/" + from + "/contacts/" + contact.get("contactId").asText() + "/move",
                agent, "{\"toCustomerId\":\"" + from + "\",\"reason\":\"" + WHY + "\"}"), 400);
        assertProblem(hub.post("/console/customers/" + from + "/contacts/no-such-contact/move",
                agent, "{\"toCustomerId\":\"" + survivor + "\",\"reason\":\"" + WHY + "\"}"), 400);
        assertThat(eventsOf(from)).hasSize(contact.get("position").asInt() + 1);
    }

    private Optional<ServiceRequestOwner> owner(String requestId) {
        return queries.query(new FetchServiceRequestOwner(requestId),
                ResponseTypes.optionalInstanceOf(ServiceRequestOwner.class)).join();
    }

    private static String update(String updateId, String status, String note) {
        return "{\"update_id\":\"" + updateId + "\",\"status\":\"" + status + "\",\"description\":\"" + note + "\"}";
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
}
