package uk.customerhub.infra.open311;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import uk.customerhub.channels.open311.Open311ApiKeys;
import uk.customerhub.channels.open311.Open311Properties;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Open311 API keys as configured: the default (demo) run accepts the demo key documented in the README, the
 * production profile configures no client at all, and a key is configured by its SHA-256 only.
 */
class Open311ApiKeysConfigurationTest {

    private static Open311Properties bound(String... profiles) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        environment.getPropertySources().addFirst(yaml.load("application", new ClassPathResource("application.yml")).get(0));
        for (String profile : profiles) {
            for (PropertySource<?> source : yaml.load(profile, new ClassPathResource("application-" + profile + ".yml"))) {
                environment.getPropertySources().addFirst(source);
            }
        }
        return Binder.get(environment).bind("hub.open311", Open311Properties.class).get();
    }

    @Test
    void the_demo_run_accepts_the_documented_demo_key_and_nothing_else() throws IOException {
        Open311ApiKeys keys = new Open311ApiKeys(bound());

        assertThat(keys.clientFor("demo-open311-key")).contains("demo-open311-client");
        assertThat(keys.clientFor("demo-open311-key ")).isEmpty();
        assertThat(keys.clientFor("d107f5bb8d2ee831bcac61e98ff095c3276eab97a31d0c3b8a02aca295376010"))
                .as("the stored hash is not a key").isEmpty();
        assertThat(keys.clientFor(null)).isEmpty();
    }

    @Test
    void the_production_profile_configures_no_open311_client() throws IOException {
        Open311Properties production = bound("prod");

        assertThat(production.clients()).isEmpty();
        assertThat(new Open311ApiKeys(production).clientFor("demo-open311-key")).isEmpty();
    }

    @Test
    void a_client_configured_without_a_proper_sha256_is_refused_at_start() {
        Open311Properties plainKey = new Open311Properties(null, null, null, null, null,
                List.of(new Open311Properties.Client("careless", "demo-open311-key")), null);

        assertThatThrownBy(() -> new Open311ApiKeys(plainKey)).hasMessageContaining("key-sha256");
    }
}
