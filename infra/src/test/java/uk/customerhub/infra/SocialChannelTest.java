package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public posts from the social listening feed: a linked handle's post on that customer's record, any other post in
 * the social triage queue until an agent attaches it to a customer or closes it.
 */
@AutoConfigureObservability
class SocialChannelTest extends ChannelHubTest {

    static String post(String handle, String postId, String text) {
        return """
                {"platform":"x","handle":"%s","postId":"%s","text":"%s",
                 "url":"https://x.example/%s/status/%s","postedAt":"2026-03-02T12:00:00Z"}"""
                .formatted(handle, postId, text, handle, postId);
    }

    static String handle() {
        return "@res_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_post_by_a_handle_linked_to_a_customer_is_a_social_mention_on_their_record() {
        String agent = agent();
        String handle = handle();
        String customerId = registered(agent, """
                {"category":"RESIDENT","givenName":"Sol","familyName":"Post","socialHandle":"x:%s"}""".formatted(handle));

        HubClient.Response delivered = hub.post("/channels/social/posts", socialFeed(),
                post(handle.toUpperCase(), uniqueId("post"), "Thanks @council for fixing the streetlight!"));

        assertThat(delivered.status()).as(delivered.body()).isEqualTo(201);
        JsonNode receipt = delivered.json();
        assertThat(receipt.get("customerId").asText()).isEqualTo(customerId);
        JsonNode entry = newestEntry(agent, receipt);
        assertThat(entry.get("channel").asText()).isEqualTo("SOCIAL");
        assertThat(entry.get("type").asText()).isEqualTo("SOCIAL_MENTION");
        assertThat(entry.get("visibility").asText()).isEqualTo("STAFF_ONLY");
        assertThat(entry.get("summary").asText()).startsWith("Thanks @council for fixing the streetlight!\nhttps://x.example/");
    }

    @Test
    void the_same_post_is_one_contact_even_when_two_feeds_deliver_it() {
        String handle = handle();
        String postId = uniqueId("post");

        JsonNode first = hub.post("/channels/social/posts", socialFeed(), post(handle, postId, "Potholes everywhere")).json();
        JsonNode again = hub.post("/channels/social/posts", machine("another-listening-feed", "SOCIAL"),
                post(handle, postId, "Potholes everywhere")).json();
        HubClient.Response edited = hub.post("/channels/social/posts", socialFeed(), post(handle, postId, "Potholes EVERYWHERE"));

        assertThat(again.get("contactId")).isEqualTo(first.get("contactId"));
        assertThat(again.get("position")).isEqualTo(first.get("position"));
        assertProblem(edited, 409);
    }

    @Test
    void social_triage_round_trip_unmatched_post_attached_by_an_agent_joins_the_timeline_and_leaves_triage() {
        String agent = agent();
        String handle = handle();
        JsonNode receipt = hub.post("/channels/social/posts", socialFeed(),
                post(handle, uniqueId("post"), "Bins on Elm Road not emptied again")).json();
        String contactId = receipt.get("contactId").asText();
        assertThat(receipt.get("unattributed").asBoolean()).isTrue();

        JsonNode triage = queueUntil(agent, "/console/social-triage?size=100", page -> contactIds(page).contains(contactId));
        assertThat(contactIds(triage)).contains(contactId);
        JsonNode waiting = triage.get("entries").get(contactIds(triage).indexOf(contactId));
        assertThat(waiting.get("queue").asText()).isEqualTo("SOCIAL_TRIAGE");
        assertThat(waiting.get("type").asText()).isEqualTo("SOCIAL_MENTION");
        assertThat(waiting.get("sender").get("identities").get(0).get("value").asText()).isEqualTo("x:" + handle.substring(1));
        assertThat(contactIds(hub.get("/console/unattributed-contacts?size=100", agent).json())).doesNotContain(contactId);

        String customerId = registered(agent, """
                {"category":"RESIDENT","givenName":"Eli","familyName":"Elm"}""");
        HubClient.Response attached = hub.post("/console/unattributed-contacts/" + contactId + "/attach", agent,
                "{\"customerId\":\"" + customerId + "\"}");

        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        JsonNode timeline = hub.get("/console/customers/" + customerId + "/timeline?awaitPosition="
                + attached.json().get("position").asLong(), agent).json();
        assertThat(timeline.get("entries").get(0).get("contactId").asText()).isEqualTo(contactId);
        assertThat(timeline.get("entries").get(0).get("channel").asText()).isEqualTo("SOCIAL");
        assertThat(timeline.get("entries").get(0).get("type").asText()).isEqualTo("SOCIAL_MENTION");
        assertThat(timeline.get("entries").get(0).get("summary").asText()).startsWith("Bins on Elm Road not emptied again");
        assertThat(unattributed(agent, contactId, 1).get("status").asText()).isEqualTo("ATTACHED");
        assertThat(contactIds(queueUntil(agent, "/console/social-triage?size=100", page -> !contactIds(page).contains(contactId))))
                .doesNotContain(contactId);
        assertProblem(hub.post("/console/unattributed-contacts/" + contactId + "/attach", agent,
                "{\"customerId\":\"" + registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Other\"}") + "\"}"), 409);
        assertProblem(hub.post("/console/unattributed-contacts/" + contactId + "/close", agent,
                "{\"reason\":\"Not about the council\"}"), 409);
    }

    @Test
    void an_agent_closes_a_post_needing_no_action_and_it_cannot_then_be_attached() {
        String agent = agent();
        JsonNode receipt = hub.post("/channels/social/posts", socialFeed(),
                post(handle(), uniqueId("post"), "Lovely sunset over the docks")).json();
        String contactId = receipt.get("contactId").asText();

        HubClient.Response closed = hub.post("/console/unattributed-contacts/" + contactId + "/close", agent,
                "{\"reason\":\"Not about the council\"}");
        HubClient.Response closedAgain = hub.post("/console/unattributed-contacts/" + contactId + "/close", agent,
                "{\"reason\":\"Not about the council\"}");

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closedAgain.json()).isEqualTo(closed.json());
        JsonNode contact = unattributed(agent, contactId, closed.json().get("position").asLong());
        assertThat(contact.get("status").asText()).isEqualTo("CLOSED");
        assertThat(contact.get("closedReason").asText()).isEqualTo("Not about the council");
        assertThat(contactIds(queueUntil(agent, "/console/social-triage?size=100", page -> !contactIds(page).contains(contactId))))
                .doesNotContain(contactId);
        String customerId = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Docks\"}");
        assertProblem(hub.post("/console/unattributed-contacts/" + contactId + "/attach", agent,
                "{\"customerId\":\"" + customerId + "\"}"), 409);
        assertProblem(hub.post("/console/unattributed-contacts/" + contactId + "/close", agent,
                "{\"reason\":\"Spam\"}"), 409);
    }

    @Test
    void attaching_to_an_unknown_customer_or_an_unknown_contact_is_a_404_and_changes_nothing() {
        String agent = agent();
        String contactId = hub.post("/channels/social/posts", socialFeed(),
                post(handle(), uniqueId("post"), "Where do I get a parking permit?")).json().get("contactId").asText();

        assertProblem(hub.post("/console/unattributed-contacts/" + contactId + "/attach", agent,
                "{\"customerId\":\"no-such-customer\"}"), 404);
        assertProblem(hub.post("/console/unattributed-contacts/social-unknown/attach", agent,
                "{\"customerId\":\"" + registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Nobody\"}") + "\"}"), 404);
        assertThat(unattributed(agent, contactId, 0).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void triage_pages_run_newest_first() {
        String agent = agent();
        String older = hub.post("/channels/social/posts", socialFeed(), post(handle(), uniqueId("post"), "First")).json()
                .get("contactId").asText();
        String newer = hub.post("/channels/social/posts", socialFeed(), post(handle(), uniqueId("post"), "Second")).json()
                .get("contactId").asText();

        JsonNode page = queueUntil(agent, "/console/social-triage?size=100", p -> contactIds(p).contains(newer));

        assertThat(contactIds(page).indexOf(newer)).isLessThan(contactIds(page).indexOf(older));
        assertThat(page.get("totalEntries").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_post_without_a_post_id_or_with_a_bad_url_is_a_400() {
        assertProblem(hub.post("/channels/social/posts", socialFeed(), """
                {"platform":"x","handle":"@a","text":"hi"}"""), 400);
        assertProblem(hub.post("/channels/social/posts", socialFeed(), """
                {"platform":"x","handle":"@a","postId":"1","text":"hi","url":"javascript:alert(1)"}"""), 400);
    }
}
