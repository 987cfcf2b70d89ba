package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff find a second record of the same person as a candidate, with reasons, and filter a timeline by channel and type. */
@AutoConfigureObservability
class CandidateMatchingTest extends HubApplicationTest {

    @Test
    void a_second_record_for_the_same_person_is_a_candidate_with_reasons() {
        String agent = agent();
        String familyName = "Vantongeren" + letters(System.nanoTime());
        String email = "margaret-" + System.nanoTime() + "@example.org";
        JsonNode first = hub.post("/console/customers", agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Margaret\","
                + "\"familyName\":\"" + familyName + "\",\"dateOfBirth\":\"1975-04-02\",\"email\":\"" + email + "\","
                + "\"address\":{\"postcode\":\"SO16 3AB\"}}").json();
        JsonNode second = hub.post("/console/customers", agent, "{\"category\":\"RESIDENT\",\"givenName\":\"M\","
                + "\"familyName\":\"" + familyName.toUpperCase() + "\",\"dateOfBirth\":\"1975-04-02\","
                + "\"address\":{\"postcode\":\"so163ab\"}}").json();
        String firstId = first.get("customerId").asText();
        String secondId = second.get("customerId").asText();
        hub.get("/console/customers/" + firstId + "?awaitPosition=" + first.get("position").asLong(), agent);
        hub.get("/console/customers/" + secondId + "?awaitPosition=" + second.get("position").asLong(), agent);

        HubClient.Response response = hub.get("/console/customers/candidates?givenName=M&familyName=" + familyName
                + "&dateOfBirth=1975-04-02&postcode=SO16%203AB", agent);

        assertThat(response.status()).isEqualTo(200);
        JsonNode candidates = response.json().get("candidates");
        assertThat(candidates).extracting(candidate -> candidate.get("customerId").asText())
                .containsExactlyInAnyOrder(secondId, firstId);
        JsonNode margaret = candidates.get(0).get("customerId").asText().equals(firstId) ? candidates.get(0) : candidates.get(1);
        assertThat(margaret.get("score").asInt()).isEqualTo(25 + 15 + 10 + 15);
        assertThat(texts(margaret.get("reasons"))).containsExactly("same date of birth", "same family name",
                "given name matches an initial", "same postcode");
        assertThat(margaret.get("postcode").asText()).isEqualTo("SO16 3AB");
        assertThat(margaret.get("name").get("givenName").asText()).isEqualTo("Margaret");

        JsonNode byEmail = hub.get("/console/customers/candidates?email=" + email.toUpperCase(), agent).json();
        assertThat(byEmail.get("candidates")).singleElement().satisfies(candidate -> {
            assertThat(candidate.get("customerId").asText()).isEqualTo(firstId);
            assertThat(texts(candidate.get("reasons"))).containsExactly("same e-mail");
        });
    }

    @Test
    void too_little_to_search_on_is_a_problem() {
        HubClient.Response response = hub.get("/console/customers/candidates?givenName=Ann&familyName=Smith", agent());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
    }

    @Test
    void the_timeline_filters_by_channel_and_type() {
        String agent = agent();
        String customerId = hub.post("/console/customers", agent, """
                {"category":"RESIDENT","givenName":"Priya","familyName":"Filterson"}""").json().get("customerId").asText();
        long position = 0;
        for (String contact : List.of("PHONE COMPLAINT", "WEB ENQUIRY", "PHONE ENQUIRY", "PHONE COMPLAINT")) {
            String[] parts = contact.split(" ");
            position = hub.post("/console/customers/" + customerId + "/contacts", agent,
                    "{\"channel\":\"" + parts[0] + "\",\"type\":\"" + parts[1] + "\",\"summary\":\"" + contact
                            + "\",\"outcome\":\"RESOLVED_FIRST_CONTACT\"}").json().get("position").asLong();
        }

        JsonNode complaints = hub.get("/console/customers/" + customerId + "/timeline?channel=PHONE&type=COMPLAINT&awaitPosition="
                + position, agent).json();
        JsonNode phone = hub.get("/console/customers/" + customerId + "/timeline?channel=PHONE&size=2&page=1", agent).json();
        HubClient.Response unknownChannel = hub.get("/console/customers/" + customerId + "/timeline?channel=PIGEON", agent);

        assertThat(complaints.get("entries")).extracting(entry -> entry.get("number").asLong()).containsExactly(4L, 1L);
        assertThat(complaints.get("totalEntries").asLong()).isEqualTo(2);
        assertThat(phone.get("entries")).extracting(entry -> entry.get("number").asLong()).containsExactly(1L);
        assertThat(phone.get("totalEntries").asLong()).isEqualTo(3);
        assertThat(unknownChannel.status()).isEqualTo(400);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }

    /** A number spelt in letters, so a family name is unique to the test run. */
    private static String letters(long number) {
        StringBuilder letters = new StringBuilder();
        for (char digit : Long.toString(number).toCharArray()) {
            letters.append((char) ('a' + digit - '0'));
        }
        return letters.toString();
    }
}
