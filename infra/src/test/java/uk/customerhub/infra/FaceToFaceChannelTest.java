package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import static org.assertj.core.api.Assertions.assertThat;

/** Face-to-face contact at a local access point, entered by the agent who assisted, as if self-served. */
@AutoConfigureObservability
class FaceToFaceChannelTest extends ChannelHubTest {

    @Test
    void a_visit_is_recorded_as_assisted_at_the_named_access_point() {
        String agent = agent();
        String customerId = registered(agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Fay\",\"familyName\":\"Visit\"}");

        HubClient.Response recorded = hub.post("/console/customers/" + customerId + "/face-to-face", agent, """
                {"accessPoint":"Central Library","type":"CHANGE_OF_CIRCUMSTANCES","summary":"Moved to a new flat",
                 "outcome":"RESOLVED_FIRST_CONTACT"}""", "Idempotency-Key", "visit-1");

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode entry = newestEntry(agent, recorded.json());
        assertThat(entry.get("channel").asText()).isEqualTo("FACE_TO_FACE");
        assertThat(entry.get("recordedBy").get("kind").asText()).isEqualTo("ASSISTED");
        assertThat(entry.get("recordedBy").get("agentId").asText()).startsWith("staff:agent-");
        assertThat(entry.get("recordedBy").get("accessPoint").asText()).isEqualTo("Central Library");
        assertThat(entry.get("visibility").asText()).isEqualTo("RESIDENT_VISIBLE");
        assertThat(recorded.json().get("contactId").asText()).startsWith("f2f-");
    }

    @Test
    void the_same_idempotency_key_is_the_same_visit_and_another_body_under_it_is_a_409() {
        String agent = agent();
        String customerId = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Again\"}");
        String body = """
                {"accessPoint":"Civic Centre","type":"ENQUIRY","summary":"Asked about a blue badge"}""";

        JsonNode first = hub.post("/console/customers/" + customerId + "/face-to-face", agent, body, "Idempotency-Key", "v-1").json();
        JsonNode again = hub.post("/console/customers/" + customerId + "/face-to-face", agent, body, "Idempotency-Key", "v-1").json();

        assertThat(again).isEqualTo(first);
        assertProblem(hub.post("/console/customers/" + customerId + "/face-to-face", agent,
                body.replace("blue badge", "bus pass"), "Idempotency-Key", "v-1"), 409);
    }

    @Test
    void a_visit_needs_its_access_point_and_is_for_staff_only() {
        String agent = agent();
        String customerId = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Where\"}");
        String path = "/console/customers/" + customerId + "/face-to-face";

        HubClient.Response noAccessPoint = hub.post(path, agent, "{\"type\":\"ENQUIRY\",\"summary\":\"Hello\"}");

        assertProblem(noAccessPoint, 400);
        assertThat(noAccessPoint.json().get("errors").get(0).get("field").asText()).isEqualTo("accessPoint");
        assertProblem(hub.post(path, telephony(), "{\"accessPoint\":\"Library\",\"type\":\"ENQUIRY\",\"summary\":\"Hi\"}"), 403);
        assertProblem(hub.post(path, newResident(), "{\"accessPoint\":\"Library\",\"type\":\"ENQUIRY\",\"summary\":\"Hi\"}"), 403);
        assertProblem(hub.post("/console/customers/no-such-customer/face-to-face", agent,
                "{\"accessPoint\":\"Library\",\"type\":\"ENQUIRY\",\"summary\":\"Hi\"}"), 404);
    }
}
