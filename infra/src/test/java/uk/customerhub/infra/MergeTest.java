package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent confirms two records are one person and merges them, then finds they were not and unmerges them: the
 * survivor's single view shows both histories in the order they were recorded; lookups and new contacts for the
 * retired record go to the survivor; an unmerge restores both records' stored views, timelines and lookups exactly.
 */
@AutoConfigureObservability
class MergeTest extends ChannelHubTest {
    static final String WHY = "Same name, date of birth and address; confirmed with the customer";

    @Autowired
    MongoDatabase database;

    @Test
    void merge_then_unmerge_restores_both_views_exactly() {
        String agent = agent();
        String handle = SocialChannelTest.handle();
        String survivor = registered(agent, """
                {"category":"RESIDENT","givenName":"Morgan","familyName":"Merge","dateOfBirth":"1981-02-03",
                 "phone":"%s"}""".formatted(uniquePhone()));
        String retired = registered(agent, """
                {"category":"RESIDENT","givenName":"M","familyName":"Merge","dateOfBirth":"1981-02-03",
                 "socialHandle":"x:%s"}""".formatted(handle));
        long survivorPosition = contact(agent, survivor, "PHONE", "first, on the survivor");
        long retiredPosition = contact(agent, retired, "WEB", "second, on the retired record");
        survivorPosition = contact(agent, survivor, "FACE_TO_FACE", "third, on the survivor");
        retiredPosition = contact(agent, retired, "EMAIL", "fourth, on the retired record");
        view(agent, survivor, survivorPosition);
        view(agent, retired, retiredPosition);
        Map<String, Document> before = stored(survivor, retired);

        HubClient.Response merged = hub.post("/console/customers/" + survivor + "/merges", agent,
                "{\"retiredCustomerId\":\"" + retired + "\",\"reason\":\"" + WHY + "\"}");

        assertThat(merged.status()).as(merged.body()).isEqualTo(201);
        JsonNode receipt = merged.json();
        JsonNode survivorView = view(agent, survivor, receipt.get("position").asLong());
        assertThat(texts(survivorView.get("mergedRecords"))).containsExactly(retired);
        assertThat(survivorView.get("totalEntries").asLong()).isEqualTo(4);
        assertThat(survivorView.get("recentEntries")).extracting(entry -> entry.get("summary").asText()).containsExactly(
                "fourth, on the retired record", "third, on the survivor", "second, on the retired record",
                "first, on the survivor");
        assertThat(survivorView.get("recentEntries")).extracting(entry -> entry.get("number").asLong())
                .containsExactly(4L, 3L, 2L, 1L);
        assertThat(survivorView.get("recentEntries").get(0).get("mergedFrom").asText()).isEqualTo(retired);
        assertThat(absent(survivorView.get("recentEntries").get(1), "mergedFrom")).isTrue();
        assertThat(survivorView.get("contactsByChannel").size()).isEqualTo(4);
        JsonNode page = hub.get("/console/customers/" + survivor + "/timeline?size=3", agent).json();
        assertThat(page.get("entries")).extracting(entry -> entry.get("summary").asText()).containsExactly(
                "fourth, on the retired record", "third, on the survivor", "second, on the retired record");
        assertThat(hub.get("/console/customers/" + survivor + "/timeline?size=3&page=1", agent).json().get("entries"))
                .extracting(entry -> entry.get("summary").asText()).containsExactly("first, on the survivor");
        JsonNode retiredView = view(agent, retired, receipt.get("retiredPosition").asLong());
        assertThat(retiredView.get("mergedInto").asText()).isEqualTo(survivor);

        // a lookup of the retired record's handle finds the survivor; a contact for the retired id is refused, naming it
        assertThat(foundByHandle(agent, handle)).containsExactly(survivor);
        HubClient.Response refused = hub.post("/console/customers/" + retired + "/contacts", agent,
                "{\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"after the merge\"}");
        assertProblem(refused, 409);
        assertThat(refused.json().get("survivorCustomerId").asText()).isEqualTo(survivor);

        // the same merge again answers the same; for another reason it is a conflict
        HubClient.Response again = hub.post("/console/customers/" + survivor + "/merges", agent,
                "{\"retiredCustomerId\":\"" + retired + "\",\"reason\":\"" + WHY + "\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(receipt);
        assertProblem(hub.post("/console/customers/" + survivor + "/merges", agent,
                "{\"retiredCustomerId\":\"" + retired + "\",\"reason\":\"another\"}"), 409);

        HubClient.Response unmerged = hub.post("/console/customers/" + survivor + "/merges/" + retired + "/unmerge",
                agent, "{\"reason\":\"Two people after all: father and son\"}");

        assertThat(unmerged.status()).as(unmerged.body()).isEqualTo(200);
        JsonNode unmergeReceipt = unmerged.json();
        assertThat(hub.post("/console/customers/" + survivor + "/merges/" + retired + "/unmerge", agent,
                "{\"reason\":\"Two people after all: father and son\"}").json()).isEqualTo(unmergeReceipt);
        view(agent, survivor, unmergeReceipt.get("position").asLong());
        view(agent, retired, unmergeReceipt.get("retiredPosition").asLong());
        assertThat(withoutPositions(stored(survivor, retired))).isEqualTo(withoutPositions(before));
        assertThat(foundByHandle(agent, handle)).containsExactly(retired);
        assertThat(hub.post("/console/customers/" + retired + "/contacts", agent,
                "{\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"after the unmerge\"}").status()).isEqualTo(201);
    }

    @Test
    void contacts_that_arrive_while_merged_go_to_the_survivor_and_stay_there_after_the_unmerge() {
        String agent = agent();
        String handle = SocialChannelTest.handle();
        String survivor = registered(agent, """
                {"category":"RESIDENT","givenName":"Sam","familyName":"Survivor"}""");
        String retired = registered(agent, """
                {"category":"RESIDENT","givenName":"Sam","familyName":"Survivor","socialHandle":"x:%s"}""".formatted(handle));
        contact(agent, retired, "WEB", "before the merge");
        JsonNode merge = hub.post("/console/customers/" + survivor + "/merges", agent,
                "{\"retiredCustomerId\":\"" + retired + "\",\"reason\":\"" + WHY + "\"}").json();
        view(agent, retired, merge.get("retiredPosition").asLong());

        JsonNode post = hub.post("/channels/social/posts", socialFeed(),
                SocialChannelTest.post(handle, uniqueId("post"), "Streetlight out on Merge Street")).json();

        assertThat(post.get("customerId").asText()).isEqualTo(survivor);
        JsonNode unmerge = hub.post("/console/customers/" + survivor + "/merges/" + retired + "/unmerge", agent,
                "{\"reason\":\"Not the same person\"}").json();
        JsonNode survivorView = view(agent, survivor, unmerge.get("position").asLong());
        JsonNode retiredView = view(agent, retired, unmerge.get("retiredPosition").asLong());
        assertThat(survivorView.get("recentEntries")).extracting(entry -> entry.get("channel").asText())
                .containsExactly("SOCIAL");
        assertThat(retiredView.get("recentEntries")).extracting(entry -> entry.get("summary").asText())
                .containsExactly("before the merge");
        assertThat(survivorView.get("mergedRecords")).isEmpty();
        assertThat(absent(retiredView, "mergedInto")).isTrue();
    }

    @Test
    void a_contact_attached_to_a_retired_record_goes_on_the_survivor() {
        String agent = agent();
        String survivor = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Attach\"}");
        String retired = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Attach\"}");
        JsonNode merge = hub.post("/console/customers/" + survivor + "/merges", agent,
                "{\"retiredCustomerId\":\"" + retired + "\",\"reason\":\"" + WHY + "\"}").json();
        view(agent, retired, merge.get("retiredPosition").asLong());
        JsonNode post = hub.post("/channels/social/posts", socialFeed(),
                SocialChannelTest.post(SocialChannelTest.handle(), uniqueId("post"), "Nobody knows this handle")).json();
        unattributed(agent, post.get("contactId").asText(), post.get("position").asLong());

        HubClient.Response attached = hub.post("/console/unattributed-contacts/" + post.get("contactId").asText()
                + "/attach", agent, "{\"customerId\":\"" + retired + "\"}");

        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(attached.json().get("customerId").asText()).isEqualTo(survivor);
    }

    @Test
    void a_resident_whose_record_was_merged_lands_on_the_survivor_and_back_after_the_unmerge() {
        String agent = agent();
        String resident = newResident();
        JsonNode signedUp = hub.post("/portal/me/contacts", resident,
                "{\"type\":\"ENQUIRY\",\"summary\":\"my own question\"}").json();
        String own = signedUp.get("customerId").asText();
        view(agent, own, signedUp.get("position").asLong());
        String survivor = registered(agent, """
                {"category":"RESIDENT","givenName":"Rhea","familyName":"Resident"}""");
        long position = contact(agent, survivor, "PHONE", "asked by phone");
        view(agent, survivor, position);

        JsonNode merge = hub.post("/console/customers/" + survivor + "/merges", agent,
                "{\"retiredCustomerId\":\"" + own + "\",\"reason\":\"" + WHY + "\"}").json();
        view(agent, own, merge.get("retiredPosition").asLong());
        JsonNode me = hub.get("/portal/me?awaitPosition=" + merge.get("position").asLong(), resident).json();
        JsonNode written = hub.post("/portal/me/contacts", resident,
                "{\"type\":\"FEEDBACK\",\"summary\":\"while merged\"}").json();

        assertThat(me.get("customerId").asText()).isEqualTo(survivor);
        assertThat(me.get("recentEntries")).extracting(entry -> entry.get("summary").asText())
                .containsExactly("asked by phone", "my own question");
        assertThat(written.get("customerId").asText()).isEqualTo(survivor);
        JsonNode unmerge = hub.post("/console/customers/" + survivor + "/merges/" + own + "/unmerge", agent,
                "{\"reason\":\"Not the same person\"}").json();
        view(agent, own, unmerge.get("retiredPosition").asLong());
        JsonNode meAgain = hub.get("/portal/me", resident).json();
        assertThat(meAgain.get("customerId").asText()).isEqualTo(own);
        assertThat(meAgain.get("recentEntries")).extracting(entry -> entry.get("summary").asText())
                .containsExactly("my own question");
    }

    @Test
    void a_record_that_others_were_merged_into_cannot_itself_be_retired_and_nothing_is_left_half_done() {
        String agent = agent();
        String first = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Chain\"}");
        String second = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Chain\"}");
        String third = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Chain\"}");
        hub.post("/console/customers/" + first + "/merges", agent,
                "{\"retiredCustomerId\":\"" + second + "\",\"reason\":\"" + WHY + "\"}");

        HubClient.Response intoRetired = hub.post("/console/customers/" + second + "/merges", agent,
                "{\"retiredCustomerId\":\"" + third + "\",\"reason\":\"" + WHY + "\"}");
        HubClient.Response survivorRetired = hub.post("/console/customers/" + third + "/merges", agent,
                "{\"retiredCustomerId\":\"" + first + "\",\"reason\":\"" + WHY + "\"}");

        assertProblem(intoRetired, 409);
        assertProblem(survivorRetired, 409);
        assertThat(hub.post("/console/customers/" + third + "/contacts", agent,
                "{\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"still its own record\"}").status())
                .isEqualTo(201);
        assertProblem(hub.post("/console/customers/" + first + "/merges", agent,
                "{\"retiredCustomerId\":\"" + first + "\",\"reason\":\"" + WHY + "\"}"), 400);
    }

    private long contact(String agent, String customerId, String channel, String summary) {
        HubClient.Response response = hub.post("/console/customers/" + customerId + "/contacts", agent,
                "{\"channel\":\"" + channel + "\",\"type\":\"ENQUIRY\",\"summary\":\"" + summary
                        + "\",\"outcome\":\"RESOLVED_FIRST_CONTACT\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("position").asLong();
    }

    private List<String> foundByHandle(String agent, String handle) {
        List<String> ids = new ArrayList<>();
        hub.get("/console/customers?socialHandle=x:" + handle, agent).json().get("customers")
                .forEach(customer -> ids.add(customer.get("customerId").asText()));
        return ids;
    }

    /**
     * Every stored document of the two records' single views: the views, their timeline entries (all and
     * resident-visible), filtered numberings and the lookups that hold either record.
     */
    private Map<String, Document> stored(String... customerIds) {
        Map<String, Document> stored = new TreeMap<>();
        for (String customerId : customerIds) {
            stored.put("customer_views/" + customerId,
                    database.getCollection("customer_views").find(Filters.eq("_id", customerId)).first());
            for (String collection : List.of("timeline_entries", "resident_timeline_entries", "timeline_filters")) {
                database.getCollection(collection).find().forEach(document -> {
                    String id = document.getString("_id");
                    if (id.startsWith(customerId + "/")) {
                        stored.put(collection + "/" + id, document);
                    }
                });
            }
            database.getCollection("customer_lookups").find(Filters.eq("customerIds", customerId))
                    .forEach(document -> stored.put("customer_lookups/" + document.getString("_id"), document));
        }
        return stored;
    }

    /** The documents with the views' position and time of the last change left out: a merge and an unmerge move them. */
    private static Map<String, Document> withoutPositions(Map<String, Document> stored) {
        Map<String, Document> without = new TreeMap<>();
        stored.forEach((id, document) -> {
            Document copy = new Document(document);
            if (id.startsWith("customer_views/")) {
                copy.remove("position");
                copy.remove("updatedAt");
            }
            without.put(id, copy);
        });
        return without;
    }

    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
