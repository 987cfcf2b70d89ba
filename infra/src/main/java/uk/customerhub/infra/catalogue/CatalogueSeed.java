package uk.customerhub.infra.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.customerhub.api.Provider;
import uk.customerhub.api.RoutingRules;
import uk.customerhub.api.ServiceDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo run's catalogue ({@value #RESOURCE}): a city council's common services, their providers and routing
 * rules. Each entry is added only when the catalogue has none of that id yet, so what an administrator changed is
 * kept across restarts. Production switches seeding off ({@code hub.catalogue.seed=false}).
 */
public final class CatalogueSeed {
    static final String RESOURCE = "/catalogue/seed.json";
    private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

    /** The seed file's shape. */
    record Contents(List<Provider> providers, List<ServiceDefinition> services, List<RoutingRules> routing) {
    }

    private CatalogueSeed() {
    }

    static Contents contents() {
        try (InputStream in = CatalogueSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the catalogue seed " + RESOURCE + " is missing");
            }
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, Contents.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue seed " + RESOURCE, e);
        }
    }

    /** Adds what the catalogue lacks of the seed; answers how many entries were added. */
    public static int seed(MongoServiceCatalogue catalogue) {
        Contents seed = contents();
        int added = 0;
        for (Provider provider : seed.providers()) {
            if (catalogue.provider(provider.providerId()).isEmpty()) {
                catalogue.define(provider);
                added++;
            }
        }
        for (ServiceDefinition service : seed.services()) {
            if (catalogue.service(service.serviceCode()).isEmpty()) {
                catalogue.define(service);
                added++;
            }
        }
        for (RoutingRules rules : seed.routing()) {
            if (catalogue.routingRules(rules.serviceCode()).isEmpty()) {
                catalogue.define(rules);
                added++;
            }
        }
        if (added > 0) {
            log.info("Service catalogue: {} seeded entries added (services, providers, routing rules)", added);
        }
        return added;
    }
}
