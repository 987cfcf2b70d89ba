package uk.customerhub.infra.webhooks;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.projections.routing.delivery.Deliveries;
import uk.customerhub.projections.routing.delivery.DeliveryRequestDetails;
import uk.customerhub.projections.routing.delivery.WebhookEndpoints;
import uk.customerhub.projections.routing.delivery.WebhookOutbox;

import java.time.Clock;

/**
 * Delivery of service requests to providers by webhook: the outbox kept by the "webhook-outbox" tracking processor
 * (see application.yml) from the routing events, the providers' endpoints, the sender, the address guard (SSRF) and
 * the poller that works the outbox.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {

    @Bean
    Deliveries deliveries(MongoDatabase database) {
        return new Deliveries(database);
    }

    @Bean
    DeliveryRequestDetails deliveryRequestDetails(MongoDatabase database) {
        return new DeliveryRequestDetails(database);
    }

    @Bean
    WebhookOutbox webhookOutbox(Deliveries deliveries, DeliveryRequestDetails details, Clock clock) {
        return new WebhookOutbox(deliveries, details, clock);
    }

    @Bean
    WebhookEndpoints webhookEndpoints(MongoDatabase database) {
        return new WebhookEndpoints(database);
    }

    @Bean
    AddressGuard addressGuard(WebhookProperties properties) {
        return new AddressGuard(properties.allowedPrivateNetworks());
    }

    @Bean
    WebhookSender webhookSender(AddressGuard guard, WebhookProperties properties) {
        return new WebhookSender(guard, properties.timeout());
    }

    @Bean
    WebhookEndpointAdministration webhookEndpointAdministration(WebhookEndpoints endpoints, AddressGuard guard, Clock clock,
                                                                WebhookProperties properties) {
        return new WebhookEndpointAdministration(endpoints, guard, clock, properties.previousSecretValidFor());
    }

    @Bean
    WebhookDeliveryPoller webhookDeliveryPoller(Deliveries deliveries, WebhookEndpoints endpoints, WebhookSender sender,
                                                CommandGateway commandGateway, Clock clock, WebhookProperties properties) {
        return new WebhookDeliveryPoller(deliveries, endpoints, sender, commandGateway, clock, properties);
    }
}
