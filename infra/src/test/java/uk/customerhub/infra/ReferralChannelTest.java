package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import uk.customerhub.api.Specialism;

import static org.assertj.core.api.Assertions.assertThat;

/** Referrals from partner organisations' systems, by customer id or by the referred person's details. */
@AutoConfigureObservability
class ReferralChannelTest extends ChannelHubTest {

    static String referral(String referralId, String customerId, String email, String phone) {
        return """
                {"referralId":%s,"partner":"South Central Ambulance Service (falls protocol)",
                 "referrer":{"name":"Paramedic J. Smith","role":"Paramedic","phone":"0300 123 4567"},
                 "reason":"Found on the floor after a fall; lives alone; needs a care assessment",
                 "customerId":%s,
                 "person":{"givenName":"Edna","familyName":"Marsh","dateOfBirth":"1938-04-02","postcode":"so14 7ly",
                           "email":%s,"phone":%s},
                 "referredAt":"2026-03-02T08:30:00Z"}""".formatted(quoted(referralId), quoted(customerId), quoted(email), quoted(phone));
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void a_referral_naming_the_customer_lands_on_their_record_as_a_staff_only_referral() {
        String agent = agent();
        String customerId = registered(agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Edna\",\"familyName\":\"Marsh\"}");

        HubClient.Response delivered = hub.post("/channels/referrals", partnerSystem(), referral(uniqueId("ref"), customerId, null, null));

        assertThat(delivered.status()).as(delivered.body()).isEqualTo(201);
        JsonNode entry = newestEntry(agent, delivered.json());
        assertThat(entry.get("channel").asText()).isEqualTo("PARTNER_REFERRAL");
        assertThat(entry.get("type").asText()).isEqualTo("REFERRAL");
        assertThat(entry.get("visibility").asText()).isEqualTo("STAFF_ONLY");
        assertThat(entry.get("summary").asText()).isEqualTo("Referral from South Central Ambulance Service (falls protocol) by "
                + "Paramedic J. Smith, Paramedic, 0300 123 4567: Found on the floor after a fall; lives alone; needs a care assessment");
        assertThat(entry.get("occurredAt").asText()).isEqualTo("2026-03-02T08:30:00Z");
    }

    @Test
    void a_referral_is_matched_by_the_persons_phone_when_the_partner_has_no_customer_id() {
        String agent = agent();
        String phone = uniquePhone();
        String customerId = registered(agent, """
                {"category":"RESIDENT","familyName":"Marsh","phone":"%s"}""".formatted(phone));

        JsonNode receipt = hub.post("/channels/referrals", partnerSystem(), referral(uniqueId("ref"), null, null, phone)).json();

        assertThat(receipt.get("customerId").asText()).isEqualTo(customerId);
    }

    @Test
    void an_unmatched_referral_is_unattributed_with_the_persons_details_for_staff() {
        String agent = agent();
        String email = uniqueEmail("edna");

        JsonNode receipt = hub.post("/channels/referrals", partnerSystem(), referral(uniqueId("ref"), null, email, null)).json();

        assertThat(receipt.get("unattributed").asBoolean()).isTrue();
        JsonNode contact = unattributed(agent, receipt.get("contactId").asText(), receipt.get("position").asLong());
        assertThat(contact.get("channel").asText()).isEqualTo("PARTNER_REFERRAL");
        assertThat(contact.get("sender").get("name").asText()).isEqualTo("Edna Marsh");
        assertThat(contact.get("sender").get("dateOfBirth").asText()).isEqualTo("1938-04-02");
        assertThat(contact.get("sender").get("postcode").asText()).isEqualTo("SO14 7LY");
        assertThat(contact.get("sender").get("identities").get(0).get("value").asText()).isEqualTo(email);
    }

    @Test
    void the_same_referral_twice_is_one_contact_by_referral_id_or_idempotency_key() {
        String agent = agent();
        String customerId = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Keys\"}");
        String referralId = uniqueId("ref");
        String key = uniqueId("key");

        JsonNode first = hub.post("/channels/referrals", partnerSystem(), referral(referralId, customerId, null, null)).json();
        JsonNode again = hub.post("/channels/referrals", partnerSystem(), referral(referralId, customerId, null, null)).json();
        JsonNode keyed = hub.post("/channels/referrals", partnerSystem(), referral(null, customerId, null, null),
                "Idempotency-Key", key).json();
        JsonNode keyedAgain = hub.post("/channels/referrals", partnerSystem(), referral(null, customerId, null, null),
                "Idempotency-Key", key).json();

        assertThat(again).isEqualTo(first);
        assertThat(keyedAgain).isEqualTo(keyed);
        assertThat(keyed.get("contactId")).isNotEqualTo(first.get("contactId"));
        assertThat(view(agent, customerId, keyed.get("position").asLong()).get("totalEntries").asLong()).isEqualTo(2);
        assertProblem(hub.post("/channels/referrals", partnerSystem(), referral(referralId, customerId, uniqueEmail("x"), null)), 409);
        assertProblem(hub.post("/channels/referrals", partnerSystem(), referral(null, customerId, null, null)), 400);
    }

    @Test
    void a_referral_once_kept_unattributed_cannot_be_sent_again_to_a_named_customer() {
        String agent = agent();
        String referralId = uniqueId("ref");
        hub.post("/channels/referrals", partnerSystem(), referral(referralId, null, uniqueEmail("nobody"), null));
        String customerId = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Later\"}");

        assertProblem(hub.post("/channels/referrals", partnerSystem(), referral(referralId, customerId, null, null)), 409);
    }

    @Test
    void a_referral_naming_an_unknown_customer_is_a_404() {
        assertProblem(hub.post("/channels/referrals", partnerSystem(), referral(uniqueId("ref"), "no-such-customer", null, null)), 404);
    }

    @Test
    void a_safeguarding_referral_restricted_to_a_specialism_is_seen_by_its_specialists_only() {
        String agent = agent();
        String customerId = registered(agent, "{\"category\":\"RESIDENT\",\"familyName\":\"Guarded\"}");
        String body = referral(uniqueId("ref"), customerId, null, null)
                .replace("\"referredAt\"", "\"visibility\":\"RESTRICTED\",\"specialism\":\"ADULTS_SAFEGUARDING\",\"referredAt\"");

        JsonNode receipt = hub.post("/channels/referrals", partnerSystem(), body).json();

        String specialist = specialist(Specialism.ADULTS_SAFEGUARDING);
        String otherSpecialist = specialist(Specialism.CHILDRENS_SAFEGUARDING);
        JsonNode seenBySpecialist = view(specialist, customerId, receipt.get("position").asLong());
        JsonNode seenByAgent = view(agent, customerId, receipt.get("position").asLong());
        assertThat(seenBySpecialist.get("recentEntries").get(0).get("specialism").asText()).isEqualTo("ADULTS_SAFEGUARDING");
        assertThat(seenByAgent.get("totalEntries").asLong()).isZero();
        assertThat(seenBySpecialist.get("totalEntries").asLong()).isEqualTo(1);
        assertThat(view(otherSpecialist, customerId, receipt.get("position").asLong()).get("totalEntries").asLong()).isZero();
    }
}
