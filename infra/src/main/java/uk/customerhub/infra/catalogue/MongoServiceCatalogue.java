package uk.customerhub.infra.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Provider;
import uk.customerhub.api.RoutingRules;
import uk.customerhub.api.ServiceDefinition;
import uk.customerhub.catalogue.ServiceCatalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The service catalogue in MongoDB. Every read is a lookup by {@code _id} (or {@code $in} over ids listed in an index
 * document), never a scan:
 * <ul>
 *   <li>{@value #SERVICES}: the current version of each service, {@code _id} = service code;</li>
 *   <li>{@value #SERVICE_VERSIONS}: every version ever defined, {@code _id} = {@code code@version}, never changed
 *   once written — a request is always read against the version it was raised on;</li>
 *   <li>{@value #ROUTING_RULES}: each service's current routing rules, and {@value #ROUTING_RULE_VERSIONS} every version;</li>
 *   <li>{@value #PROVIDERS}: providers, {@code _id} = provider id;</li>
 *   <li>{@value #INDEX}: the lists of service codes and provider ids ({@code _id} "services", "providers").</li>
 * </ul>
 * A new version is claimed by inserting its version document (its {@code _id} is unique), so two administrators
 * changing one service at once cannot both make version n: the second is told to try again (409). Defining what is
 * already current changes nothing, so seeding and retries are harmless.
 */
public class MongoServiceCatalogue implements ServiceCatalogue {
    static final String SERVICES = "catalogue_services";
    static final String SERVICE_VERSIONS = "catalogue_service_versions";
    static final String ROUTING_RULES = "catalogue_routing_rules";
    static final String ROUTING_RULE_VERSIONS = "catalogue_routing_rule_versions";
    static final String PROVIDERS = "catalogue_providers";
    static final String INDEX = "catalogue_index";
    private static final String ID = "_id";
    private static final String VALUE = "value";
    private static final String IDS = "ids";

    private final MongoCollection<Document> services;
    private final MongoCollection<Document> serviceVersions;
    private final MongoCollection<Document> routingRules;
    private final MongoCollection<Document> routingRuleVersions;
    private final MongoCollection<Document> providers;
    private final MongoCollection<Document> index;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public MongoServiceCatalogue(MongoDatabase database) {
        services = database.getCollection(SERVICES);
        serviceVersions = database.getCollection(SERVICE_VERSIONS);
        routingRules = database.getCollection(ROUTING_RULES);
        routingRuleVersions = database.getCollection(ROUTING_RULE_VERSIONS);
        providers = database.getCollection(PROVIDERS);
        index = database.getCollection(INDEX);
    }

    @Override
    public Optional<ServiceDefinition> service(String serviceCode) {
        return read(services, serviceCode, ServiceDefinition.class);
    }

    @Override
    public Optional<ServiceDefinition> service(String serviceCode, int version) {
        return read(serviceVersions, serviceCode + "@" + version, ServiceDefinition.class);
    }

    @Override
    public Optional<RoutingRules> routingRules(String serviceCode) {
        return read(routingRules, serviceCode, RoutingRules.class);
    }

    @Override
    public Optional<Provider> provider(String providerId) {
        return read(providers, providerId, Provider.class);
    }

    /** Every service in its current version, by group and name. */
    public List<ServiceDefinition> services() {
        return readAll(services, "services", ServiceDefinition.class).stream()
                .sorted(Comparator.comparing((ServiceDefinition service) -> service.group() == null ? "" : service.group())
                        .thenComparing(ServiceDefinition::serviceName))
                .toList();
    }

    /** Every provider, by id. */
    public List<Provider> providers() {
        return readAll(providers, "providers", Provider.class).stream()
                .sorted(Comparator.comparing(Provider::providerId)).toList();
    }

    /**
     * Makes {@code definition} the service's next version (its own version number is ignored), unless it says what
     * the current version says already: then the current version is the answer and nothing changes.
     */
    public ServiceDefinition define(ServiceDefinition definition) {
        Optional<ServiceDefinition> current = service(definition.serviceCode());
        if (current.isPresent() && current.get().sameContentAs(definition)) {
            return current.get();
        }
        ServiceDefinition next = definition.asVersion(current.map(ServiceDefinition::version).orElse(0) + 1);
        claimVersion(serviceVersions, next.serviceCode() + "@" + next.version(), next);
        write(services, next.serviceCode(), next);
        addToIndex("services", next.serviceCode());
        return next;
    }

    /**
     * Makes {@code rules} the service's next routing rules version, unless they equal the current ones. The service
     * and every provider they name must exist.
     */
    public RoutingRules define(RoutingRules rules) {
        if (service(rules.serviceCode()).isEmpty()) {
            throw new InvalidInputException("serviceCode", "is not a service of the catalogue");
        }
        for (String providerId : rules.providerIds()) {
            if (provider(providerId).isEmpty()) {
                throw new InvalidInputException("providerId", providerId + " is not a provider of the catalogue");
            }
        }
        Optional<RoutingRules> current = routingRules(rules.serviceCode());
        if (current.isPresent() && current.get().asVersion(1).equals(rules.asVersion(1))) {
            return current.get();
        }
        RoutingRules next = rules.asVersion(current.map(RoutingRules::version).orElse(0) + 1);
        claimVersion(routingRuleVersions, next.serviceCode() + "@" + next.version(), next);
        write(routingRules, next.serviceCode(), next);
        return next;
    }

    /** Adds a provider or changes its name, kind or organisation. */
    public Provider define(Provider provider) {
        write(providers, provider.providerId(), provider);
        addToIndex("providers", provider.providerId());
        return provider;
    }

    private void claimVersion(MongoCollection<Document> versions, String id, Object value) {
        try {
            versions.insertOne(new Document(ID, id).append(VALUE, toDocument(value)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new ConflictingRequestException(id + " was defined at the same moment by someone else; read it and try again");
            }
            throw e;
        }
    }

    private void write(MongoCollection<Document> collection, String id, Object value) {
        collection.replaceOne(Filters.eq(ID, id), new Document(ID, id).append(VALUE, toDocument(value)),
                new ReplaceOptions().upsert(true));
    }

    private void addToIndex(String list, String id) {
        index.updateOne(Filters.eq(ID, list), Updates.addToSet(IDS, id), new UpdateOptions().upsert(true));
    }

    private <T> List<T> readAll(MongoCollection<Document> collection, String list, Class<T> type) {
        Document ids = index.find(Filters.eq(ID, list)).first();
        if (ids == null) {
            return List.of();
        }
        List<T> values = new ArrayList<>();
        collection.find(Filters.in(ID, ids.getList(IDS, String.class)))
                .forEach(document -> values.add(fromDocument(document, type)));
        return values;
    }

    private <T> Optional<T> read(MongoCollection<Document> collection, String id, Class<T> type) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, id)).first()).map(document -> fromDocument(document, type));
    }

    private Document toDocument(Object value) {
        try {
            return Document.parse(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value, e);
        }
    }

    private <T> T fromDocument(Document document, Class<T> type) {
        try {
            return json.readValue(document.get(VALUE, Document.class).toJson(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue document " + document.get(ID) + " cannot be read as " + type.getSimpleName(), e);
        }
    }
}
