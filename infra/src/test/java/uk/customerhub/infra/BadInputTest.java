package uk.customerhub.infra;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem+json answer and changes nothing. */
@AutoConfigureObservability
class BadInputTest extends HubApplicationTest {
    private String agent;
    private String customerId;
    private long position;

    @BeforeEach
    void aCustomer() {
        agent = agent();
        JsonNode receipt = hub.post("/console/customers", agent, """
                {"category":"RESIDENT","givenName":"Grace","familyName":"Hopper"}""").json();
        customerId = receipt.get("customerId").asText();
        position = receipt.get("position").asLong();
        hub.get("/console/customers/" + customerId + "?awaitPosition=" + position, agent);
    }

    @Test
    void malformed_json_is_a_400() {
        assertRejected(post("{\"channel\":\"PHONE\",\"type\":"), 400, null);
    }

    @Test
    void a_missing_field_is_a_400_naming_it() {
        assertRejected(post("""
                {"channel":"PHONE","summary":"Called about a pothole"}"""), 400, "type");
    }

    @Test
    void an_unknown_channel_is_a_400_naming_the_field() {
        assertRejected(post("""
                {"channel":"CARRIER_PIGEON","type":"ENQUIRY","summary":"Hello"}"""), 400, "channel");
    }

    @Test
    void an_unknown_field_is_a_400() {
        assertRejected(post("""
                {"channel":"PHONE","type":"ENQUIRY","summary":"Hello","priority":"high"}"""), 400, "priority");
    }

    @Test
    void a_summary_past_its_limit_is_a_400() {
        String tooLong = "x".repeat(4_001);
        assertRejected(post("{\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"" + tooLong + "\"}"), 400, "summary");
    }

    @Test
    void an_invalid_postcode_in_a_nested_object_is_a_400() {
        HubClient.Response response = hub.post("/console/customers/" + customerId + "/service-requests", agent, """
                {"channel":"PHONE","serviceCode":"pothole","description":"Deep pothole","location":{"postcode":"NOT A POSTCODE"}}""");
        assertRejected(response, 400, "location.postcode");
    }

    @Test
    void no_token_is_a_401() {
        assertRejected(hub.post("/console/customers/" + customerId + "/contacts", null, """
                {"channel":"PHONE","type":"ENQUIRY","summary":"Hello"}"""), 401, null);
    }

    @Test
    void a_resident_on_the_staff_console_is_a_403() {
        assertRejected(hub.post("/console/customers/" + customerId + "/contacts", newResident(), """
                {"channel":"PHONE","type":"ENQUIRY","summary":"Hello"}"""), 403, null);
    }

    @Test
    void an_unknown_customer_is_a_404() {
        assertThat(hub.get("/console/customers/no-such-customer", agent).status()).isEqualTo(404);
        assertRejected(hub.post("/console/customers/no-such-customer/contacts", agent, """
                {"channel":"PHONE","type":"ENQUIRY","summary":"Hello"}"""), 404, null);
    }

    @Test
    void a_contact_id_reused_with_another_body_is_a_409() {
        String contactId = "call-" + customerId;
        HubClient.Response first = post("{\"contactId\":\"" + contactId + "\",\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"Hello\"}");
        position = first.json().get("position").asLong();
        hub.get("/console/customers/" + customerId + "?awaitPosition=" + position, agent);

        assertRejected(post("{\"contactId\":\"" + contactId + "\",\"channel\":\"PHONE\",\"type\":\"COMPLAINT\",\"summary\":\"Hello\"}"), 409, null);
    }

    @Test
    void a_contact_id_already_recorded_on_another_customer_is_a_409_and_changes_nothing() {
        // given a phone call recorded on another customer's record
        JsonNode other = hub.post("/console/customers", agent, """
                {"category":"RESIDENT","givenName":"Ada","familyName":"Lovelace"}""").json();
        String contactId = "call-elsewhere-" + customerId;
        String call = "{\"contactId\":\"" + contactId + "\",\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"Hello\"}";
        HubClient.Response recorded = hub.post("/console/customers/" + other.get("customerId").asText() + "/contacts", agent, call);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

        // when the same contact id, with the same body, is sent for this customer: it is refused, nothing is stored
        assertRejected(post(call), 409, null);
        // and sending it again is refused again (the claim is held by the other record's commit)
        assertRejected(post(call), 409, null);
    }

    private HubClient.Response post(String body) {
        return hub.post("/console/customers/" + customerId + "/contacts", agent, body);
    }

    private void assertRejected(HubClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(response.json().get("errors")).extracting(error -> error.get("field").asText()).contains(field);
        }
        JsonNode view = hub.get("/console/customers/" + customerId, agent).json();
        assertThat(view.get("position").asLong()).as("the record did not change").isEqualTo(position);
        assertThat(view.get("totalEntries").asLong()).isEqualTo(position == 0 ? 0 : 1);
    }
}
