package uk.customerhub.infra.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Webhook delivery ({@code hub.webhooks.*}).
 *
 * @param pollInterval            how often the outbox is looked at for deliveries due (1 s)
 * @param pollBatch               at most this many deliveries attempted per look (100)
 * @param senders                 deliveries attempted at once (4)
 * @param timeout                 how long a provider has to answer (15 s), connection included
 * @param lease                   how long a delivery being attempted is held back, so a crash mid-attempt retries
 *                                after it (2 min; more than the timeout)
 * @param allowedPrivateNetworks  private, loopback or link-local networks (CIDR, e.g. {@code 127.0.0.0/8}) webhooks may
 *                                still go to; none in production. Every other such address is refused (SSRF)
 * @param previousSecretValidFor  how long a rotated-out secret keeps signing unless ADMIN says otherwise (24 h)
 */
@ConfigurationProperties("hub.webhooks")
public record WebhookProperties(@DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("100") int pollBatch,
                                @DefaultValue("4") int senders,
                                @DefaultValue("15s") Duration timeout,
                                @DefaultValue("2m") Duration lease,
                                @DefaultValue List<String> allowedPrivateNetworks,
                                @DefaultValue("24h") Duration previousSecretValidFor) {
}
