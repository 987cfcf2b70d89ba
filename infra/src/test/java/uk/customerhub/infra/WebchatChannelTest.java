package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import uk.customerhub.api.ContactRecorded;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Webchat sessions from the webchat platform: one contact per session, its transcript kept (at most 100 KB). */
@AutoConfigureObservability
class WebchatChannelTest extends ChannelHubTest {

    @Autowired
    EventStore eventStore;

    static String session(String sessionId, String email, String transcript) {
        return """
                {"sessionId":"%s","visitorName":"Visitor","visitorEmail":%s,"agentId":"agent-5",
                 "startedAt":"2026-03-02T11:00:00Z","endedAt":"2026-03-02T11:07:30Z",
                 "transcript":"%s","outcome":"SIGNPOSTED"}""".formatted(sessionId,
                email == null ? "null" : "\"" + email + "\"", transcript);
    }

    @Test
    void a_chat_session_lands_on_the_visitors_record_with_its_transcript_kept() {
        String agent = agent();
        String address = uniqueEmail("chat");
        String customerId = registered(agent, """
                {"category":"RESIDENT","givenName":"Cal","familyName":"Chat","email":"%s"}""".formatted(address));

        HubClient.Response delivered = hub.post("/channels/webchat/sessions", webchat(), session(uniqueId("session"), address,
                "visitor: When is the library open?\\nagent-5: 9 till 5, Monday to Saturday."));

        assertThat(delivered.status()).as(delivered.body()).isEqualTo(201);
        JsonNode receipt = delivered.json();
        assertThat(receipt.get("customerId").asText()).isEqualTo(customerId);
        JsonNode entry = newestEntry(agent, receipt);
        assertThat(entry.get("channel").asText()).isEqualTo("WEBCHAT");
        assertThat(entry.get("outcome").asText()).isEqualTo("SIGNPOSTED");
        assertThat(entry.get("recordedBy").get("agentId").asText()).isEqualTo("agent-5");
        assertThat(entry.get("summary").asText()).isEqualTo("Webchat with agent-5 (7 min 30 s): visitor: When is the library open?");
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(customerId).asStream().toList();
        ContactRecorded recorded = (ContactRecorded) events.get(events.size() - 1).getPayload();
        assertThat(recorded.personal().transcript()).isEqualTo("visitor: When is the library open?\nagent-5: 9 till 5, Monday to Saturday.");
    }

    @Test
    void one_contact_per_session_however_often_it_is_delivered() {
        String agent = agent();
        String address = uniqueEmail("again");
        registered(agent, """
                {"category":"RESIDENT","familyName":"Again","email":"%s"}""".formatted(address));
        String sessionId = uniqueId("session");

        JsonNode first = hub.post("/channels/webchat/sessions", webchat(), session(sessionId, address, "visitor: hi")).json();
        JsonNode again = hub.post("/channels/webchat/sessions", webchat(), session(sessionId, address, "visitor: hi")).json();
        HubClient.Response longer = hub.post("/channels/webchat/sessions", webchat(), session(sessionId, address, "visitor: hi\\nvisitor: hello?"));

        assertThat(again).isEqualTo(first);
        assertProblem(longer, 409);
        assertThat(view(agent, first.get("customerId").asText(), first.get("position").asLong())
                .get("contactsByChannel").get("WEBCHAT").asLong()).isEqualTo(1);
    }

    @Test
    void a_transcript_past_100_kb_is_a_400_and_records_nothing() {
        String sessionId = uniqueId("session");

        HubClient.Response tooLong = hub.post("/channels/webchat/sessions", webchat(), session(sessionId, null, "x".repeat(102_401)));
        HubClient.Response atTheLimit = hub.post("/channels/webchat/sessions", webchat(), session(sessionId, null, "x".repeat(102_400)));

        assertProblem(tooLong, 400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("transcript");
        assertThat(atTheLimit.status()).as("the same session, now within the limit, is accepted").isEqualTo(201);
    }

    @Test
    void an_anonymous_visitors_session_is_unattributed_and_staff_read_its_transcript() {
        JsonNode receipt = hub.post("/channels/webchat/sessions", webchat(),
                session(uniqueId("session"), null, "visitor: my neighbour's fence fell down")).json();

        assertThat(receipt.get("unattributed").asBoolean()).isTrue();
        JsonNode contact = unattributed(agent(), receipt.get("contactId").asText(), receipt.get("position").asLong());
        assertThat(contact.get("channel").asText()).isEqualTo("WEBCHAT");
        assertThat(contact.get("transcript").asText()).isEqualTo("visitor: my neighbour's fence fell down");
        assertThat(contact.get("sender").get("name").asText()).isEqualTo("Visitor");
    }

    @Test
    void a_session_without_a_transcript_is_a_400() {
        assertProblem(hub.post("/channels/webchat/sessions", webchat(), "{\"sessionId\":\"s-1\"}"), 400);
    }
}
