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

/** Inbound e-mail from the mail gateway, from raw message to the single view or the unattributed-contact queue. */
@AutoConfigureObservability
class EmailChannelTest extends ChannelHubTest {

    @Autowired
    EventStore eventStore;

    static String email(String messageId, String from, String subject, String body) {
        return """
                {"messageId":"%s","from":"%s","to":"customer.services@council.example","subject":"%s",
                 "body":"%s","receivedAt":"2026-03-02T10:00:00Z"}""".formatted(messageId, from, subject, body);
    }

    @Test
    void an_email_from_a_customers_address_lands_on_their_record_with_its_body_kept() {
        String agent = agent();
        String address = uniqueEmail("grace");
        String customerId = registered(agent, """
                {"category":"RESIDENT","givenName":"Grace","familyName":"Ho","email":"%s"}""".formatted(address));

        HubClient.Response delivered = hub.post("/channels/email/messages", mailGateway(), email(
                "<" + uniqueId("msg") + "@mail.example>", "Grace Ho <" + address.toUpperCase() + ">",
                "Missed bin on Elm Road", "Hello,\\nthe grey bin was not collected on Tuesday.\\nGrace"));

        assertThat(delivered.status()).as(delivered.body()).isEqualTo(201);
        JsonNode receipt = delivered.json();
        assertThat(receipt.get("customerId").asText()).isEqualTo(customerId);
        assertThat(receipt.get("contactId").asText()).startsWith("email-");
        JsonNode entry = newestEntry(agent, receipt);
        assertThat(entry.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(entry.get("summary").asText()).isEqualTo("E-mail to customer.services@council.example: Missed bin on Elm Road");
        assertThat(entry.get("occurredAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(customerId).asStream().toList();
        ContactRecorded recorded = (ContactRecorded) events.get(events.size() - 1).getPayload();
        assertThat(recorded.personal().transcript()).isEqualTo("Hello,\nthe grey bin was not collected on Tuesday.\nGrace");
    }

    @Test
    void the_same_message_id_twice_is_one_contact_with_or_without_angle_brackets() {
        String agent = agent();
        String address = uniqueEmail("dup");
        registered(agent, """
                {"category":"RESIDENT","familyName":"Dupont","email":"%s"}""".formatted(address));
        String messageId = uniqueId("msg") + "@mail.example";

        JsonNode first = hub.post("/channels/email/messages", mailGateway(),
                email("<" + messageId + ">", address, "Council tax", "Please call me")).json();
        JsonNode again = hub.post("/channels/email/messages", mailGateway(),
                email(messageId, address, "Council tax", "Please call me")).json();
        HubClient.Response changed = hub.post("/channels/email/messages", mailGateway(),
                email(messageId, address, "Council tax", "Please call me tomorrow"));

        assertThat(again).isEqualTo(first);
        assertProblem(changed, 409);
        assertThat(view(agent, first.get("customerId").asText(), first.get("position").asLong())
                .get("contactsByChannel").get("EMAIL").asLong()).isEqualTo(1);
    }

    @Test
    void an_email_from_an_unknown_sender_is_kept_unattributed_with_the_body() {
        String agent = agent();
        String address = uniqueEmail("stranger");

        JsonNode receipt = hub.post("/channels/email/messages", mailGateway(),
                email(uniqueId("msg") + "@mail.example", "\\\"A Stranger\\\" <" + address + ">", "Noise complaint",
                        "Loud music every night")).json();

        assertThat(receipt.get("unattributed").asBoolean()).isTrue();
        JsonNode contact = unattributed(agent, receipt.get("contactId").asText(), receipt.get("position").asLong());
        assertThat(contact.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(contact.get("sender").get("name").asText()).isEqualTo("A Stranger");
        assertThat(contact.get("sender").get("identities").get(0).get("value").asText()).isEqualTo(address);
        assertThat(contact.get("summary").asText()).endsWith("Noise complaint");
        assertThat(contact.get("transcript").asText()).isEqualTo("Loud music every night");
    }

    @Test
    void a_message_without_a_message_id_or_with_a_bad_sender_is_a_400() {
        assertProblem(hub.post("/channels/email/messages", mailGateway(), """
                {"from":"someone@example.org","subject":"Hi"}"""), 400);
        assertProblem(hub.post("/channels/email/messages", mailGateway(), """
                {"messageId":"m-1@x","from":"not an address","subject":"Hi"}"""), 400);
    }
}
