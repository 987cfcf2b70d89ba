package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webchat session or an e-mail attributed to a customer keeps its transcript on the timeline entry, for whoever may
 * see the entry; the single view's recent entries leave it out, so a view stays small beside 100 KB transcripts.
 */
@AutoConfigureObservability
class TranscriptsOnTheTimelineTest extends ChannelHubTest {

    @Autowired
    MongoDatabase database;

    @Test
    void staff_read_a_chats_whole_transcript_on_the_timeline_and_the_view_stays_small() {
        String agent = agent();
        String address = uniqueEmail("transcript");
        String customerId = registered(agent, """
                {"category":"RESIDENT","familyName":"Transcript","email":"%s"}""".formatted(address));
        String transcript = "visitor: " + "the bins again. ".repeat(6_000) + "end";   // 96,012 bytes: under 100 KB

        JsonNode receipt = hub.post("/channels/webchat/sessions", webchat(),
                WebchatChannelTest.session(uniqueId("session"), address, transcript)).json();
        JsonNode mail = hub.post("/channels/email/messages", mailGateway(), """
                {"messageId":"<%s@mail.example>","from":"%s","to":"council@example.org","subject":"Bins",
                 "body":"Dear council,\\nthe bins.","receivedAt":"2026-03-02T10:00:00Z"}"""
                .formatted(UUID.randomUUID(), address)).json();
        JsonNode view = view(agent, customerId, mail.get("position").asLong());
        JsonNode timeline = hub.get("/console/customers/" + customerId + "/timeline", agent).json();

        assertThat(receipt.get("customerId").asText()).isEqualTo(customerId);
        assertThat(timeline.get("entries").get(0).get("transcript").asText()).isEqualTo("Dear council,\nthe bins.");
        String kept = timeline.get("entries").get(1).get("transcript").asText();
        assertThat(kept.equals(transcript)).as("the whole transcript, %d characters of %d", kept.length(),
                transcript.length()).isTrue();
        assertThat(view.get("recentEntries")).allSatisfy(entry -> assertThat(entry.path("transcript").isMissingNode()
                || entry.path("transcript").isNull()).isTrue());
        assertThat(database.getCollection("customer_views").find(Filters.eq("_id", customerId)).first().toJson())
                .hasSizeLessThan(20_000);
    }

    @Test
    void a_resident_reads_the_transcript_of_their_own_resident_visible_chat() {
        String agent = agent();
        String subject = "urn:fdc:gov.uk:2022:test-" + UUID.randomUUID();
        String resident = token(subject, "RESIDENT", "P2");
        JsonNode signedUp = hub.post("/portal/me/contacts", resident, "{\"type\":\"ENQUIRY\",\"summary\":\"hello\"}").json();
        // the chat system finds the resident through the single view's lookups: let it see her sign-up first
        hub.get("/portal/me?awaitPosition=" + signedUp.get("position").asLong(), resident).json();

        JsonNode receipt = hub.post("/channels/webchat/sessions", webchat(), """
                {"sessionId":"%s","digitalId":"%s","agentId":"agent-5","transcript":"visitor: is the tip open?",
                 "startedAt":"2026-03-02T11:00:00Z","endedAt":"2026-03-02T11:01:00Z"}"""
                .formatted(uniqueId("session"), subject)).json();
        JsonNode mine = hub.get("/portal/me/timeline?awaitPosition=" + receipt.get("position").asLong(), resident).json();

        assertThat(receipt.get("customerId").asText()).isEqualTo(signedUp.get("customerId").asText());
        assertThat(mine.get("entries").get(0).get("channel").asText()).isEqualTo("WEBCHAT");
        assertThat(mine.get("entries").get(0).get("transcript").asText()).isEqualTo("visitor: is the tip open?");
    }
}
