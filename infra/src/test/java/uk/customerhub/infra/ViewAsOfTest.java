package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "What did we know on 3 March at 10:00": the single view and timeline as of an instant, rebuilt from the events the
 * hub had recorded by then, equal what was live at that instant; a survivor shows a merged record only as of
 * instants when it was merged.
 */
@AutoConfigureObservability
class ViewAsOfTest extends ChannelHubTest {

    @Test
    void the_view_as_of_an_instant_equals_the_view_that_was_live_then() throws InterruptedException {
        String agent = agent();
        String customerId = registered(agent, """
                {"category":"RESIDENT","givenName":"Asha","familyName":"Asof","phone":"%s"}""".formatted(uniquePhone()));
        contact(agent, customerId, "PHONE", "COMPLAINT", "The bin was left in the road");
        long position = contact(agent, customerId, "WEB", "ENQUIRY", "When is the bin collected?");
        JsonNode liveThen = view(agent, customerId, position);
        JsonNode timelineThen = hub.get("/console/customers/" + customerId + "/timeline?size=5", agent).json();
        JsonNode phoneThen = hub.get("/console/customers/" + customerId + "/timeline?channel=PHONE", agent).json();
        Instant then = Instant.now();
        Thread.sleep(5);

        contact(agent, customerId, "FACE_TO_FACE", "ENQUIRY", "Came in about the bin");
        long later = contact(agent, customerId, "PHONE", "FOI_REQUEST", "How many bins were missed last year?");
        JsonNode liveNow = view(agent, customerId, later);

        JsonNode asOfThen = hub.get("/console/customers/" + customerId + "/view?asOf=" + then, agent).json();
        JsonNode timelineAsOfThen = hub.get("/console/customers/" + customerId + "/view/timeline?size=5&asOf=" + then,
                agent).json();
        JsonNode phoneAsOfThen = hub.get("/console/customers/" + customerId + "/view/timeline?channel=PHONE&asOf=" + then,
                agent).json();
        JsonNode asOfNow = hub.get("/console/customers/" + customerId + "/view?asOf=" + Instant.now(), agent).json();

        assertThat(asOfThen).isEqualTo(liveThen);
        assertThat(timelineAsOfThen).isEqualTo(timelineThen);
        assertThat(phoneAsOfThen).isEqualTo(phoneThen);
        assertThat(asOfNow).isEqualTo(liveNow);
        assertThat(asOfNow).isNotEqualTo(asOfThen);
    }

    @Test
    void a_survivor_as_of_an_instant_shows_a_merged_record_only_if_it_was_merged_then() throws InterruptedException {
        String agent = agent();
        String survivor = registered(agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Ola\",\"familyName\":\"Asof\"}");
        String retired = registered(agent, "{\"category\":\"RESIDENT\",\"givenName\":\"O\",\"familyName\":\"Asof\"}");
        view(agent, survivor, contact(agent, survivor, "PHONE", "ENQUIRY", "on the survivor"));
        view(agent, retired, contact(agent, retired, "WEB", "ENQUIRY", "on the other record"));
        Instant beforeMerge = Instant.now();
        Thread.sleep(5);
        JsonNode merge = hub.post("/console/customers/" + survivor + "/merges", agent,
                "{\"retiredCustomerId\":\"" + retired + "\",\"reason\":\"One person\"}").json();
        JsonNode mergedLive = view(agent, survivor, merge.get("position").asLong());
        Instant whileMerged = Instant.now();
        Thread.sleep(5);
        JsonNode unmerge = hub.post("/console/customers/" + survivor + "/merges/" + retired + "/unmerge", agent,
                "{\"reason\":\"Two people\"}").json();
        view(agent, survivor, unmerge.get("position").asLong());

        JsonNode asOfBefore = hub.get("/console/customers/" + survivor + "/view?asOf=" + beforeMerge, agent).json();
        JsonNode asOfMerged = hub.get("/console/customers/" + survivor + "/view?asOf=" + whileMerged, agent).json();
        JsonNode mergedTimeline = hub.get("/console/customers/" + survivor + "/view/timeline?asOf=" + whileMerged,
                agent).json();

        assertThat(asOfBefore.get("totalEntries").asLong()).isEqualTo(1);
        assertThat(asOfMerged).isEqualTo(mergedLive);
        assertThat(mergedTimeline.get("entries")).extracting(entry -> entry.get("summary").asText())
                .containsExactly("on the other record", "on the survivor");
    }

    @Test
    void before_the_record_existed_there_is_nothing_and_a_bad_instant_is_a_problem() {
        String agent = agent();
        Instant before = Instant.now().minusSeconds(60);
        String customerId = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Late\"}");

        assertProblem(hub.get("/console/customers/" + customerId + "/view?asOf=" + before, agent), 404);
        assertProblem(hub.get("/console/customers/" + customerId + "/view?asOf=yesterday", agent), 400);
        assertProblem(hub.get("/console/customers/" + customerId + "/view", agent), 400);
        assertProblem(hub.get("/console/customers/" + customerId + "/view?asOf=" + Instant.now(), newResident()), 403);
    }

    private long contact(String agent, String customerId, String channel, String type, String summary) {
        HubClient.Response response = hub.post("/console/customers/" + customerId + "/contacts", agent,
                "{\"channel\":\"" + channel + "\",\"type\":\"" + type + "\",\"summary\":\"" + summary + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("position").asLong();
    }
}
