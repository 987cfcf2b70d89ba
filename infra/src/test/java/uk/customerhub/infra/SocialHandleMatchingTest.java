package uk.customerhub.infra;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handle written one way at registration is the same account written another way by the social listening feed
 * and in a search: each platform's canonical form (SocialHandles), applied at every way in.
 */
@AutoConfigureObservability
class SocialHandleMatchingTest extends ChannelHubTest {

    @Test
    void a_post_and_a_search_find_the_customer_however_the_handle_is_written() {
        String agent = agent();
        String account = "Res_" + UUID.randomUUID().toString().substring(0, 8);
        String customerId = registered(agent, """
                {"category":"RESIDENT","familyName":"Handle","socialHandle":"twitter:@%s"}""".formatted(account));

        HubClient.Response post = hub.post("/channels/social/posts", socialFeed(), """
                {"platform":"X","handle":"https://x.com/%s","postId":"%s","text":"Bins not emptied",
                 "postedAt":"2026-03-02T12:00:00Z"}""".formatted(account.toUpperCase(), uniqueId("post")));
        HubClient.Response found = hub.get("/console/customers?socialHandle=x:" + account.toLowerCase(), agent);

        assertThat(post.status()).as(post.body()).isEqualTo(201);
        assertThat(post.json().get("customerId").asText()).isEqualTo(customerId);
        assertThat(found.json().get("customers").get(0).get("customerId").asText()).isEqualTo(customerId);
    }

    @Test
    void a_handle_its_platform_would_not_allow_is_a_problem_and_records_nothing() {
        String agent = agent();

        assertProblem(hub.post("/console/customers", agent, """
                {"category":"RESIDENT","familyName":"Handle","socialHandle":"x:not.an.x.handle"}"""), 400);
        assertProblem(hub.post("/channels/social/posts", socialFeed(), """
                {"platform":"instagram","handle":"has-hyphen","postId":"%s","text":"hi"}""".formatted(uniqueId("post"))), 400);
    }
}
