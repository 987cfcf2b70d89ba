package uk.customerhub.infra.demoprovider;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo run has the demo provider and may send webhooks to loopback; the prod profile has neither. */
class ProductionSwitchesTest {

    private static Binder binder(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String file : files) {
            loader.load(file, new ClassPathResource(file)).forEach(source -> environment.getPropertySources().addFirst(source));
        }
        return Binder.get(environment);
    }

    @Test
    void the_default_run_has_the_demo_provider_and_allows_loopback_targets() throws IOException {
        Binder defaults = binder("application.yml");

        assertThat(defaults.bind("hub.demo-provider.enabled", Boolean.class).get()).isTrue();
        assertThat(defaults.bind("hub.webhooks.allowed-private-networks", Bindable.listOf(String.class)).get())
                .containsExactly("127.0.0.0/8", "::1/128");
    }

    @Test
    void the_prod_profile_switches_the_demo_provider_off_and_allows_no_internal_targets() throws IOException {
        Binder production = binder("application.yml", "application-prod.yml");

        assertThat(production.bind("hub.demo-provider.enabled", Boolean.class).get()).isFalse();
        assertThat(production.bind("hub.webhooks.allowed-private-networks", Bindable.listOf(String.class))
                .orElse(List.of())).isEmpty();
    }
}
