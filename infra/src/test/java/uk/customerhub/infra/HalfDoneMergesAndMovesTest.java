package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import uk.customerhub.api.CustomerUnmergedFrom;
import uk.customerhub.api.CustomersMerged;
import uk.customerhub.api.MergeCustomerInto;
import uk.customerhub.api.MoveContact;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.UnmergeCustomers;
import uk.customerhub.projections.merges.MergeAndMoveCompletion;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge, an unmerge or a move whose agent's request stopped after its first command (as if the process died in
 * between) is completed by the hub: only the first command is sent here, and the hub sends the second.
 */
@AutoConfigureObservability
class HalfDoneMergesAndMovesTest extends ChannelHubTest {
    static final String WHY = "Same name, date of birth and address";

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Test
    void a_merge_recorded_only_on_the_retired_record_is_completed_on_the_survivor() {
        String agent = agent();
        String survivor = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Halfway\"}");
        String retired = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Halfway\"}");

        commands.sendAndWait(new MergeCustomerInto(retired, survivor, WHY), asAgent(retired));

        RunningHub.await("the survivor shows the merged record", () -> texts(view(agent, survivor).get("mergedRecords"))
                .contains(retired), () -> view(agent, survivor).toString());
        DomainEventMessage<?> merged = eventsOf(survivor).stream()
                .filter(event -> event.getPayload() instanceof CustomersMerged).findFirst().orElseThrow();
        assertThat(merged.getMetaData().get(Provenance.ACTOR)).isEqualTo(MergeAndMoveCompletion.ACTOR);
        assertThat(merged.getMetaData().get(CustomersMerged.REASON)).isEqualTo(WHY);
    }

    @Test
    void a_merge_the_survivor_refuses_is_undone_on_the_retired_record_which_takes_contacts_again() {
        String agent = agent();
        String elsewhere = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Refused\"}");
        String survivor = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Refused\"}");
        String retired = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Refused\"}");
        assertThat(hub.post("/console/customers/" + elsewhere + "/merges", agent,
                "{\"retiredCustomerId\":\"" + survivor + "\",\"reason\":\"" + WHY + "\"}").status()).isEqualTo(201);

        commands.sendAndWait(new MergeCustomerInto(retired, survivor, WHY), asAgent(retired));

        RunningHub.await("the retired record's merge is undone", () -> eventsOf(retired).stream()
                .anyMatch(event -> event.getPayload() instanceof CustomerUnmergedFrom), () -> payloads(retired));
        assertThat(eventsOf(survivor).stream().noneMatch(event -> event.getPayload() instanceof CustomersMerged)).isTrue();
        assertThat(hub.post("/console/customers/" + retired + "/contacts", agent,
                "{\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"its own record again\"}").status()).isEqualTo(201);
    }

    @Test
    void an_unmerge_recorded_only_on_the_survivor_is_completed_on_the_retired_record() {
        String agent = agent();
        String survivor = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Undone\"}");
        String retired = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Undone\"}");
        JsonNode merge = hub.post("/console/customers/" + survivor + "/merges", agent,
                "{\"retiredCustomerId\":\"" + retired + "\",\"reason\":\"" + WHY + "\"}").json();
        assertThat(view(agent, retired, merge.get("retiredPosition").asLong()).get("mergedInto").asText()).isEqualTo(survivor);

        commands.sendAndWait(new UnmergeCustomers(survivor, retired, "Two people after all"), asAgent(survivor));

        RunningHub.await("the retired record is its own again", () -> view(agent, retired).path("mergedInto").isMissingNode()
                || view(agent, retired).path("mergedInto").isNull(), () -> view(agent, retired).toString());
        assertThat(hub.post("/console/customers/" + retired + "/contacts", agent,
                "{\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"after the unmerge\"}").status()).isEqualTo(201);
    }

    @Test
    void a_move_recorded_only_on_the_record_the_contact_left_is_completed_on_the_destination() {
        String agent = agent();
        String from = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Leaving\"}");
        String to = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Arriving\"}");
        JsonNode contact = hub.post("/console/customers/" + from + "/contacts", agent,
                "{\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"asked about the library\"}").json();
        String contactId = contact.get("contactId").asText();

        commands.sendAndWait(new MoveContact(from, contactId, to, "Belongs to the other person"), asAgent(from));

        RunningHub.await("the destination shows the moved contact", () -> view(agent, to).get("recentEntries").size() == 1,
                () -> view(agent, to).toString());
        JsonNode entry = view(agent, to).get("recentEntries").get(0);
        assertThat(entry.get("contactId").asText()).isEqualTo(contactId);
        assertThat(entry.get("summary").asText()).isEqualTo("asked about the library");
        assertThat(entry.get("movedFrom").asText()).isEqualTo(from);
    }

    private JsonNode view(String agent, String customerId) {
        return hub.get("/console/customers/" + customerId, agent).json();
    }

    private List<DomainEventMessage<?>> eventsOf(String customerId) {
        return eventStore.readEvents(customerId).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }

    private String payloads(String customerId) {
        return eventsOf(customerId).stream().map(event -> event.getPayloadType().getSimpleName()).toList().toString();
    }

    private static MetaData asAgent(String customerId) {
        return MetaData.with(Provenance.ACTOR, "staff:agent-halfway")
                .and(Provenance.ROLE, "AGENT")
                .and(Provenance.ON_BEHALF_OF, customerId)
                .and(Provenance.ORGANISATION, Provenance.DEFAULT_ORGANISATION)
                .and(Provenance.CORRELATION_ID, "corr-" + customerId);
    }

    private static List<String> texts(JsonNode array) {
        return array == null ? List.of() : java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText).toList();
    }
}
