package uk.customerhub.infra.demoprovider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The demo provider ({@code hub.demo-provider.*}), part of the demo run only.
 *
 * @param enabled          whether the hub runs it (the default run: yes; the {@code prod} profile: no)
 * @param hubUrl           where it reaches the hub's provider API and token endpoint; empty means this hub itself
 * @param acknowledgeAfter how long after a request arrives it posts {@code acknowledged} (3 s)
 * @param fixAfter         how long after a request arrives it posts {@code fixed} (15 s)
 * @param retryAfter       how long it waits before posting an update the hub did not take again (10 s)
 * @param attempts         how many times it posts one update before giving up (5)
 */
@ConfigurationProperties("hub.demo-provider")
public record DemoProviderProperties(@DefaultValue("false") boolean enabled,
                                     @DefaultValue("") String hubUrl,
                                     @DefaultValue("3s") Duration acknowledgeAfter,
                                     @DefaultValue("15s") Duration fixAfter,
                                     @DefaultValue("10s") Duration retryAfter,
                                     @DefaultValue("5") int attempts) {
}
