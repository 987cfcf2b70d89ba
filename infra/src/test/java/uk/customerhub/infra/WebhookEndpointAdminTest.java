package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADMIN manages providers' webhook endpoints: a new endpoint's secret is shown in full once, then only masked; a
 * rotation gives a new secret and keeps the old one signing until its expiry; an internal address is refused (SSRF)
 * as problem+json naming the URL; nobody but ADMIN may touch any of it.
 */
@AutoConfigureObservability
class WebhookEndpointAdminTest extends HubApplicationTest {

    private HubClient.Response put(String path, String token, String json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            return new HubClient.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String provider() {
        return "test-provider-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_new_endpoint_shows_its_secret_once_and_afterwards_only_masked() {
        String admin = token("staff:ada", "ADMIN", null);
        String providerId = provider();

        HubClient.Response created = put("/admin/providers/" + providerId + "/webhook-endpoint", admin,
                "{\"url\":\"https://203.0.113.10/hooks\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("newSecret").asText();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        HubClient.Response shown = hub.get("/admin/providers/" + providerId + "/webhook-endpoint", admin);
        assertThat(shown.body()).doesNotContain(secret).doesNotContain("newSecret");
        assertThat(shown.json().get("secrets").get(0).get("secret").asText()).isEqualTo(secret.substring(0, 10) + "…");
        assertThat(shown.json().get("url").asText()).isEqualTo("https://203.0.113.10/hooks");

        HubClient.Response changed = put("/admin/providers/" + providerId + "/webhook-endpoint", admin,
                "{\"url\":\"https://203.0.113.11/hooks\",\"enabled\":false}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).doesNotContain(secret).doesNotContain("newSecret");
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
    }

    @Test
    void a_rotation_gives_a_new_secret_and_the_old_one_signs_until_it_expires() {
        String admin = token("staff:ada", "ADMIN", null);
        String providerId = provider();
        String first = put("/admin/providers/" + providerId + "/webhook-endpoint", admin,
                "{\"url\":\"https://203.0.113.10/hooks\"}").json().get("newSecret").asText();

        HubClient.Response rotated = hub.post("/admin/providers/" + providerId + "/webhook-endpoint/secret-rotation", admin,
                "{\"previousSecretValidFor\":\"PT2H\"}");

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        JsonNode body = rotated.json();
        assertThat(body.get("newSecret").asText()).startsWith("whsec_").isNotEqualTo(first);
        assertThat(body.get("secrets")).hasSize(2);
        assertThat(body.get("secrets").get(0).has("expiresAt")).isFalse();
        assertThat(body.get("secrets").get(1).get("secret").asText()).isEqualTo(first.substring(0, 10) + "…");
        assertThat(body.get("secrets").get(1).has("expiresAt")).isTrue();
        assertThat(rotated.body()).doesNotContain(first);

        HubClient.Response tooLong = hub.post("/admin/providers/" + providerId + "/webhook-endpoint/secret-rotation", admin,
                "{\"previousSecretValidFor\":\"P30D\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.isProblem()).isTrue();
    }

    @Test
    void an_endpoint_on_an_internal_address_outside_the_allow_list_is_refused_and_nothing_is_stored() {
        String admin = token("staff:ada", "ADMIN", null);
        String providerId = provider();
        for (String url : new String[]{"http://10.0.0.7/hooks", "http://169.254.169.254/latest/meta-data", "http://[fd00::1]/x",
                "ftp://203.0.113.10/x", "not a url"}) {
            HubClient.Response refused = put("/admin/providers/" + providerId + "/webhook-endpoint", admin,
                    "{\"url\":\"" + url + "\"}");
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
        }
        assertThat(hub.get("/admin/providers/" + providerId + "/webhook-endpoint", admin).status()).isEqualTo(404);
    }

    @Test
    void only_admin_manages_endpoints_and_reads_delivery_logs() {
        String providerId = provider();
        for (String token : new String[]{agent(), newResident(), token("staff:sasha", "SPECIALIST", null)}) {
            assertThat(put("/admin/providers/" + providerId + "/webhook-endpoint", token,
                    "{\"url\":\"https://203.0.113.10/hooks\"}").status()).isEqualTo(403);
            assertThat(hub.get("/admin/service-requests/sr-1/deliveries", token).status()).isEqualTo(403);
            assertThat(hub.get("/admin/webhook-dead-letters", token).status()).isEqualTo(403);
        }
        assertThat(hub.get("/admin/service-requests/sr-unknown/deliveries", token("staff:ada", "ADMIN", null)).json()
                .get("deliveries")).isEmpty();
        assertThat(hub.post("/admin/service-requests/sr-unknown/deliveries/msg_x/redelivery", token("staff:ada", "ADMIN", null), "")
                .status()).isEqualTo(404);
    }
}
