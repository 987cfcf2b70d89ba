package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import uk.customerhub.api.Provenance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Call events from the telephony platform, from raw input to the single view or the unattributed-contact queue. */
@AutoConfigureObservability
class TelephonyChannelTest extends ChannelHubTest {

    @Autowired
    EventStore eventStore;

    static String call(String callId, String number, String answeredBy) {
        return """
                {"callId":"%s","callerNumber":%s,"ivrPath":["Main menu","Council tax","Balance"],
                 "selfServiceOutcome":%s,"answeredBy":%s,
                 "startedAt":"2026-03-02T09:00:00Z","endedAt":"2026-03-02T09:04:12Z"}""".formatted(callId,
                number == null ? "null" : "\"" + number + "\"",
                answeredBy == null ? "\"balance read out\"" : "null",
                answeredBy == null ? "null" : "\"" + answeredBy + "\"");
    }

    @Test
    void a_self_served_call_from_a_customers_number_is_an_ivr_contact_on_their_record() {
        String agent = agent();
        String phone = uniquePhone();
        String customerId = registered(agent, """
                {"category":"RESIDENT","givenName":"Ivy","familyName":"Rao","phone":"%s"}""".formatted(phone));

        HubClient.Response delivered = hub.post("/channels/telephony/calls", telephony(), call(uniqueId("call"), phone, null));

        assertThat(delivered.status()).as(delivered.body()).isEqualTo(201);
        JsonNode receipt = delivered.json();
        assertThat(receipt.get("customerId").asText()).isEqualTo(customerId);
        assertThat(receipt.get("unattributed").asBoolean()).isFalse();
        assertThat(receipt.get("contactId").asText()).startsWith("call-");
        JsonNode entry = newestEntry(agent, receipt);
        assertThat(entry.get("channel").asText()).isEqualTo("IVR");
        assertThat(entry.get("type").asText()).isEqualTo("ENQUIRY");
        assertThat(entry.get("outcome").asText()).isEqualTo("RESOLVED_FIRST_CONTACT");
        assertThat(entry.get("recordedBy").get("kind").asText()).isEqualTo("SYSTEM");
        assertThat(entry.get("occurredAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(entry.get("summary").asText())
                .isEqualTo("Call via IVR: Main menu > Council tax > Balance; self-service: balance read out (4 min 12 s)");
    }

    @Test
    void an_answered_call_is_a_phone_contact_with_the_agent_and_says_who_acted() {
        String agent = agent();
        String phone = uniquePhone();
        String customerId = registered(agent, """
                {"category":"RESIDENT","givenName":"Ian","familyName":"Wu","phone":"%s"}""".formatted(phone));

        JsonNode receipt = hub.post("/channels/telephony/calls", telephony(), call(uniqueId("call"), phone, "agent-42"),
                "X-Correlation-Id", "corr-call").json();

        JsonNode entry = newestEntry(agent, receipt);
        assertThat(entry.get("channel").asText()).isEqualTo("PHONE");
        assertThat(entry.get("recordedBy").get("agentId").asText()).isEqualTo("agent-42");
        assertThat(entry.get("summary").asText()).startsWith("Call answered by agent-42 after IVR: Main menu");
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(customerId).asStream().toList();
        DomainEventMessage<?> recorded = events.get(events.size() - 1);
        assertThat(recorded.getMetaData().get(Provenance.ACTOR)).isEqualTo("test-telephony");
        assertThat(recorded.getMetaData().get(Provenance.ROLE)).isEqualTo("CHANNEL");
        assertThat(recorded.getMetaData().get(Provenance.CHANNEL)).isEqualTo("PHONE");
        assertThat(recorded.getMetaData().get(Provenance.ON_BEHALF_OF)).isEqualTo(customerId);
        assertThat(recorded.getMetaData().get(Provenance.CORRELATION_ID)).isEqualTo("corr-call");
    }

    @Test
    void the_same_call_delivered_twice_is_one_contact_and_the_same_call_id_with_another_body_is_a_409() {
        String agent = agent();
        String phone = uniquePhone();
        registered(agent, """
                {"category":"RESIDENT","familyName":"Twice","phone":"%s"}""".formatted(phone));
        String callId = uniqueId("call");

        JsonNode first = hub.post("/channels/telephony/calls", telephony(), call(callId, phone, null)).json();
        HubClient.Response again = hub.post("/channels/telephony/calls", telephony(), call(callId, phone, null));
        HubClient.Response changed = hub.post("/channels/telephony/calls", telephony(), call(callId, phone, "agent-1"));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first);
        assertProblem(changed, 409);
        JsonNode view = view(agent, first.get("customerId").asText(), first.get("position").asLong());
        assertThat(view.get("totalEntries").asLong()).isEqualTo(1);
        assertThat(view.get("position").asLong()).isEqualTo(first.get("position").asLong());
    }

    @Test
    void an_unknown_callers_call_is_kept_unattributed_in_the_staff_queue() {
        String agent = agent();
        String phone = uniquePhone();

        JsonNode receipt = hub.post("/channels/telephony/calls", telephony(), call(uniqueId("call"), phone, null)).json();

        assertThat(receipt.get("unattributed").asBoolean()).isTrue();
        assertThat(receipt.has("customerId")).isFalse();
        String contactId = receipt.get("contactId").asText();
        JsonNode contact = unattributed(agent, contactId, receipt.get("position").asLong());
        assertThat(contact.get("status").asText()).isEqualTo("OPEN");
        assertThat(contact.get("queue").asText()).isEqualTo("UNATTRIBUTED_CONTACTS");
        assertThat(contact.get("channel").asText()).isEqualTo("IVR");
        assertThat(contact.get("sourceSystem").asText()).isEqualTo("test-telephony");
        assertThat(contact.get("sender").get("identities").get(0).get("value").asText())
                .isEqualTo("+44" + phone.replace(" ", "").substring(1));
        assertThat(contact.get("candidateCustomerIds")).isEmpty();
        assertThat(contactIds(queueUntil(agent, "/console/unattributed-contacts?size=100",
                page -> contactIds(page).contains(contactId)))).contains(contactId);
    }

    @Test
    void a_household_number_two_customers_share_is_unattributed_with_both_as_candidates() {
        String agent = agent();
        String phone = uniquePhone();
        String first = registered(agent, """
                {"category":"RESIDENT","givenName":"Amy","familyName":"Shaw","phone":"%s"}""".formatted(phone));
        String second = registered(agent, """
                {"category":"RESIDENT","givenName":"Ben","familyName":"Shaw","phone":"%s"}""".formatted(phone));

        JsonNode receipt = hub.post("/channels/telephony/calls", telephony(), call(uniqueId("call"), phone, "agent-3")).json();

        assertThat(receipt.get("unattributed").asBoolean()).isTrue();
        JsonNode contact = unattributed(agent, receipt.get("contactId").asText(), receipt.get("position").asLong());
        assertThat(List.of(contact.get("candidateCustomerIds").get(0).asText(), contact.get("candidateCustomerIds").get(1).asText()))
                .containsExactlyInAnyOrder(first, second);
        assertThat(contact.get("channel").asText()).isEqualTo("PHONE");
    }

    @Test
    void a_withheld_number_is_unattributed_without_candidates() {
        JsonNode receipt = hub.post("/channels/telephony/calls", telephony(), call(uniqueId("call"), "withheld", null)).json();

        assertThat(receipt.get("unattributed").asBoolean()).isTrue();
        JsonNode contact = unattributed(agent(), receipt.get("contactId").asText(), receipt.get("position").asLong());
        assertThat(contact.get("sender").get("identities")).isEmpty();
        assertThat(contact.get("candidateCustomerIds")).isEmpty();
    }

    @Test
    void a_retry_after_the_caller_registered_still_answers_what_the_first_delivery_did() {
        String agent = agent();
        String phone = uniquePhone();
        String callId = uniqueId("call");
        JsonNode first = hub.post("/channels/telephony/calls", telephony(), call(callId, phone, null)).json();
        registered(agent, """
                {"category":"RESIDENT","familyName":"Late","phone":"%s"}""".formatted(phone));

        JsonNode retry = hub.post("/channels/telephony/calls", telephony(), call(callId, phone, null)).json();

        assertThat(first.get("unattributed").asBoolean()).isTrue();
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void an_agent_attaches_an_unknown_callers_call_and_it_joins_that_customers_timeline() {
        String agent = agent();
        String phone = uniquePhone();
        JsonNode call = hub.post("/channels/telephony/calls", telephony(), call(uniqueId("call"), phone, null)).json();
        String contactId = call.get("contactId").asText();
        String customerId = registered(agent, """
                {"category":"RESIDENT","givenName":"Nia","familyName":"Long"}""");

        HubClient.Response attached = hub.post("/console/unattributed-contacts/" + contactId + "/attach", agent,
                "{\"customerId\":\"" + customerId + "\"}");

        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(attached.json().get("contactId").asText()).isEqualTo(contactId);
        JsonNode entry = newestEntry(agent, attached.json());
        assertThat(entry.get("contactId").asText()).isEqualTo(contactId);
        assertThat(entry.get("channel").asText()).isEqualTo("IVR");
        assertThat(entry.get("summary").asText()).startsWith("Call via IVR");
        assertThat(unattributed(agent, contactId, 1).get("attachedTo").asText()).isEqualTo(customerId);
        assertThat(contactIds(queueUntil(agent, "/console/unattributed-contacts?size=100",
                page -> !contactIds(page).contains(contactId)))).doesNotContain(contactId);
        HubClient.Response again = hub.post("/console/unattributed-contacts/" + contactId + "/attach", agent,
                "{\"customerId\":\"" + customerId + "\"}");
        assertThat(again.json()).as("attaching again is a retry").isEqualTo(attached.json());
        JsonNode view = view(agent, customerId, attached.json().get("position").asLong());
        assertThat(view.get("totalEntries").asLong()).isEqualTo(1);
    }

    @Test
    void an_invalid_number_or_a_call_ending_before_it_started_is_a_400() {
        assertProblem(hub.post("/channels/telephony/calls", telephony(), call(uniqueId("call"), "not a number", null)), 400);
        assertProblem(hub.post("/channels/telephony/calls", telephony(), """
                {"callId":"c-x","startedAt":"2026-03-02T09:00:00Z","endedAt":"2026-03-02T08:00:00Z"}"""), 400);
        assertProblem(hub.post("/channels/telephony/calls", telephony(), "{\"callerNumber\":\"07700900123\"}"), 400);
    }
}
