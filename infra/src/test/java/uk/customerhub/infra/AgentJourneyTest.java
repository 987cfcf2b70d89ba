package uk.customerhub.infra;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.customerhub.api.Provenance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent finds a customer, logs their phone call, and sees both contacts in the single view. */
@AutoConfigureObservability
class AgentJourneyTest extends HubApplicationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void an_agent_logs_a_phone_call_as_if_the_customer_had_self_served() {
        String resident = newResident();
        String phone = "07700 9" + (100000 + (int) (Math.random() * 899999));
        JsonNode selfServed = hub.post("/portal/me/contacts", resident,
                """
                {"type":"ENQUIRY","summary":"Which day is my recycling collected?"}""").json();
        long afterProfile = hub.patch("/portal/me", resident,
                "{\"familyName\":\"Okafor\",\"phone\":\"" + phone + "\"}").json().get("position").asLong();
        String customerId = selfServed.get("customerId").asText();
        String agent = agent();
        hub.get("/console/customers/" + customerId + "?awaitPosition=" + afterProfile, agent);

        JsonNode found = hub.get("/console/customers?phone=" + phone.replace(" ", "%20"), agent).json();
        assertThat(found.get("customers")).extracting(match -> match.get("customerId").asText()).containsExactly(customerId);

        HubClient.Response logged = hub.post("/console/customers/" + customerId + "/contacts", agent, """
                {"channel":"PHONE","type":"ENQUIRY","summary":"Called to ask about bulky waste collection",
                 "outcome":"RESOLVED_FIRST_CONTACT"}""", "X-Correlation-Id", "call-42");

        assertThat(logged.status()).isEqualTo(201);
        JsonNode view = hub.get("/console/customers/" + customerId + "?awaitPosition=" + logged.json().get("position").asLong(), agent).json();
        assertThat(view.get("recentEntries")).extracting(entry -> entry.get("channel").asText()).containsExactly("PHONE", "WEB");
        JsonNode phoneCall = view.get("recentEntries").get(0);
        assertThat(phoneCall.get("recordedBy").get("kind").asText()).isEqualTo("ASSISTED");
        assertThat(phoneCall.get("recordedBy").get("agentId").asText()).startsWith("staff:agent-");
        assertThat(phoneCall.get("outcome").asText()).isEqualTo("RESOLVED_FIRST_CONTACT");
        assertThat(view.get("contactsByChannel").get("PHONE").asLong()).isEqualTo(1);
        assertThat(view.get("contactsByChannel").get("WEB").asLong()).isEqualTo(1);
    }

    @Test
    void every_event_says_who_acted() {
        String agent = agent();
        JsonNode registered = hub.post("/console/customers", agent, """
                {"category":"BUSINESS","givenName":"Harbour","familyName":"Cafe","email":"owner@harbour-cafe.example"}""",
                "X-Correlation-Id", "corr-registration").json();
        String customerId = registered.get("customerId").asText();
        hub.post("/console/customers/" + customerId + "/contacts", agent, """
                {"channel":"FACE_TO_FACE","type":"ENQUIRY","summary":"Asked about a trade waste contract",
                 "outcome":"SIGNPOSTED","accessPoint":"Central Library"}""", "X-Correlation-Id", "corr-visit");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(customerId).asStream().toList();

        assertThat(events).hasSize(3);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getMetaData().get(Provenance.ACTOR)).asString().startsWith("staff:agent-");
            assertThat(event.getMetaData().get(Provenance.ROLE)).isEqualTo("AGENT");
            assertThat(event.getMetaData().get(Provenance.ON_BEHALF_OF)).isEqualTo(customerId);
            assertThat(event.getMetaData().get(Provenance.ORGANISATION)).isEqualTo("council");
        });
        assertThat(events.get(0).getMetaData().get(Provenance.CORRELATION_ID)).isEqualTo("corr-registration");
        assertThat(events.get(2).getMetaData().get(Provenance.CORRELATION_ID)).isEqualTo("corr-visit");
        assertThat(events.get(2).getMetaData().get(Provenance.CHANNEL)).isEqualTo("FACE_TO_FACE");
    }

    @Test
    void staff_find_customers_sharing_a_household_email_and_by_surname_and_postcode() {
        String agent = agent();
        String email = "family-" + System.nanoTime() + "@example.org";
        String first = hub.post("/console/customers", agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Ann\",\"familyName\":\"Quist\",\"email\":\""
                + email + "\",\"address\":{\"postcode\":\"SO15 2JU\"}}").json().get("customerId").asText();
        JsonNode second = hub.post("/console/customers", agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Tom\",\"familyName\":\"Quist\",\"email\":\""
                + email.toUpperCase() + "\",\"address\":{\"postcode\":\"so152ju\"}}").json();
        hub.get("/console/customers/" + second.get("customerId").asText() + "?awaitPosition=" + second.get("position").asLong(), agent);
        hub.get("/console/customers/" + first + "?awaitPosition=1", agent);

        JsonNode byEmail = hub.get("/console/customers?email=" + email, agent).json();
        JsonNode bySurname = hub.get("/console/customers?surname=QUIST&postcode=SO15%202JU", agent).json();

        assertThat(byEmail.get("customers")).hasSize(2);
        assertThat(bySurname.get("customers")).extracting(match -> match.get("customerId").asText())
                .containsExactlyInAnyOrder(first, second.get("customerId").asText());
    }
}
