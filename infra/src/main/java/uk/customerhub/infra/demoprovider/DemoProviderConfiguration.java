package uk.customerhub.infra.demoprovider;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import uk.customerhub.projections.routing.delivery.EndpointSecret;
import uk.customerhub.projections.routing.delivery.WebhookEndpoint;
import uk.customerhub.projections.routing.delivery.WebhookEndpoints;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo provider, in the demo run only ({@code hub.demo-provider.enabled}; off in the {@code prod} profile): the
 * provider itself, its scheduler, and — once the hub is up — a webhook endpoint for each seeded provider pointing at
 * it (on loopback, which only the demo run's allow-list lets webhooks reach). A seeded endpoint follows the hub's
 * port across restarts; one ADMIN has changed is left alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.demo-provider", name = "enabled", havingValue = "true")
public class DemoProviderConfiguration {
    /** The providers of the demo run. */
    public static final List<String> PROVIDERS = List.of("waste-operations", "highways-partner", "parking-services",
            "revenues-and-benefits", "housing-repairs", "environmental-health", "adult-social-care-front-door",
            "childrens-mash");
    private static final Logger log = LoggerFactory.getLogger(DemoProviderConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService demoProviderScheduler() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-provider");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    HubCallbacks demoProviderHubCallbacks(ObjectMapper objectMapper, DemoProviderProperties properties,
                                          Environment environment, Clock clock) {
        return new HubCallbacks(objectMapper, () -> properties.hubUrl().isBlank()
                ? URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port", "8080"))
                : URI.create(properties.hubUrl()), clock);
    }

    @Bean
    DemoProvider demoProvider(WebhookEndpoints endpoints, HubCallbacks demoProviderHubCallbacks,
                              ScheduledExecutorService demoProviderScheduler, Clock clock, ObjectMapper objectMapper,
                              DemoProviderProperties properties) {
        Later later = (delay, task) -> demoProviderScheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return new DemoProvider(endpoints, demoProviderHubCallbacks, later, clock, objectMapper, properties);
    }

    @Bean
    DemoEndpointSeeder demoEndpointSeeder(WebhookEndpoints endpoints, Clock clock, Environment environment) {
        return new DemoEndpointSeeder(endpoints, clock, environment);
    }

    /** Points each demo provider's webhook endpoint at the demo provider once the hub listens. */
    static class DemoEndpointSeeder {
        private final WebhookEndpoints endpoints;
        private final Clock clock;
        private final Environment environment;
        private final SecureRandom random = new SecureRandom();

        DemoEndpointSeeder(WebhookEndpoints endpoints, Clock clock, Environment environment) {
            this.endpoints = endpoints;
            this.clock = clock;
            this.environment = environment;
        }

        @EventListener(ApplicationReadyEvent.class)
        public void seed() {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            Instant now = clock.instant();
            for (String providerId : PROVIDERS) {
                String url = "http://127.0.0.1:" + port + "/demo-provider/webhooks/" + providerId;
                Optional<WebhookEndpoint> existing = endpoints.find(providerId);
                if (existing.isEmpty()) {
                    endpoints.saveIfAbsent(new WebhookEndpoint(providerId, url,
                            List.of(EndpointSecret.generate(random, now)), true, null, now, true));
                } else if (existing.get().seeded() && !existing.get().url().equals(url)) {
                    WebhookEndpoint moved = existing.get();
                    endpoints.save(new WebhookEndpoint(providerId, url, moved.secrets(), moved.enabled(),
                            moved.disabledReason(), now, true));
                }
            }
            log.info("Demo provider: webhook endpoints of {} providers point at /demo-provider/webhooks/… on port {}",
                    PROVIDERS.size(), port);
        }
    }
}
