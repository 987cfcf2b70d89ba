package uk.customerhub.infra;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production run trusts an external OpenID Connect issuer by configuration alone: no embedded authorization
 * server, no demo users, no dev token endpoint — and an unauthenticated call is still a problem+json 401.
 */
class ProductionConfigurationTest {

    @Test
    void without_the_dev_authorization_server_the_hub_trusts_the_configured_issuer_only() {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CustomerHubApplication.class).run(
                "--server.port=0",
                "--hub.mongo.embedded=MEMORY",
                "--hub.security.dev-authorization-server.enabled=false",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/issuer-not-reached-at-start")) {
            HubClient client = new HubClient(((WebServerApplicationContext) hub).getWebServer().getPort());

            assertThat(hub.containsBean("devTokenController")).isFalse();
            assertThat(hub.containsBean("registeredClientRepository")).isFalse();
            HubClient.Response token = client.post("/dev/tokens", null, "");
            assertThat(token.status()).isEqualTo(404);
            assertThat(token.body()).doesNotContain("access_token");
            HubClient.Response anonymous = client.get("/portal/me", null);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.isProblem()).isTrue();
            assertThat(client.get("/actuator/health", null).status()).isEqualTo(200);
        }
    }
}
