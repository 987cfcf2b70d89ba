package uk.customerhub.infra.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.Provider;
import uk.customerhub.api.ProviderKind;
import uk.customerhub.api.Require;
import uk.customerhub.api.RoutingRule;
import uk.customerhub.api.RoutingRules;
import uk.customerhub.api.ServiceAttribute;
import uk.customerhub.api.ServiceDefinition;
import uk.customerhub.api.ServiceType;
import uk.customerhub.api.Specialism;
import uk.customerhub.channels.web.NotFoundException;

import java.util.List;

/**
 * ADMIN management of the service catalogue: services (each change makes a new version; requests keep the version
 * they were raised against), their routing rules (versioned the same way) and providers. Sending what is current
 * already changes nothing and answers the current version.
 */
@RestController
@RequestMapping("/admin/catalogue")
@Tag(name = "Service catalogue (ADMIN)")
@SecurityRequirement(name = "bearer")
public class CatalogueAdminController {
    private final MongoServiceCatalogue catalogue;

    public CatalogueAdminController(MongoServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A service as an administrator defines it: everything but its code (in the path) and its version (counted). */
    public record ServiceChange(String serviceName, String description, String group, List<String> keywords,
                                ServiceType type, List<ServiceAttribute> attributes, Specialism restrictedTo,
                                int responseWorkingDays, int resolutionWorkingDays) {
    }

    /** Routing rules as an administrator defines them (the service is in the path, the version counted). */
    public record RoutingChange(List<RoutingRule> rules, String defaultProviderId) {
    }

    /** A provider as an administrator defines it (the id is in the path). */
    public record ProviderChange(String name, ProviderKind kind, String organisation) {
    }

    @Operation(summary = "Every service, current versions")
    @GetMapping("/services")
    public List<ServiceDefinition> services() {
        return catalogue.services();
    }

    @Operation(summary = "One service: its current version, or the version asked for")
    @GetMapping("/services/{serviceCode}")
    public ServiceDefinition service(@PathVariable String serviceCode, @RequestParam(required = false) Integer version) {
        return (version == null ? catalogue.service(serviceCode) : catalogue.service(serviceCode, version))
                .orElseThrow(() -> new NotFoundException("no service " + serviceCode));
    }

    @Operation(summary = "Add a service or change it (a new version)")
    @PutMapping("/services/{serviceCode}")
    public ServiceDefinition defineService(@PathVariable String serviceCode, @RequestBody ServiceChange change) {
        Require.present("body", change);
        return catalogue.define(new ServiceDefinition(serviceCode, change.serviceName(), change.description(),
                change.group(), change.keywords(), change.type(), 1, change.attributes(), change.restrictedTo(),
                change.responseWorkingDays(), change.resolutionWorkingDays()));
    }

    @Operation(summary = "A service's current routing rules")
    @GetMapping("/services/{serviceCode}/routing-rules")
    public RoutingRules routingRules(@PathVariable String serviceCode) {
        return catalogue.routingRules(serviceCode).orElseThrow(() -> new NotFoundException("no routing rules for " + serviceCode));
    }

    @Operation(summary = "Set a service's routing rules (a new version); the first rule whose conditions hold chooses, else the default provider")
    @PutMapping("/services/{serviceCode}/routing-rules")
    public RoutingRules defineRoutingRules(@PathVariable String serviceCode, @RequestBody RoutingChange change) {
        Require.present("body", change);
        return catalogue.define(new RoutingRules(serviceCode, 1, change.rules(), change.defaultProviderId()));
    }

    @Operation(summary = "Every provider")
    @GetMapping("/providers")
    public List<Provider> providers() {
        return catalogue.providers();
    }

    @Operation(summary = "One provider")
    @GetMapping("/providers/{providerId}")
    public Provider provider(@PathVariable String providerId) {
        return catalogue.provider(providerId).orElseThrow(() -> new NotFoundException("no provider " + providerId));
    }

    @Operation(summary = "Add a provider or change its name, kind or organisation")
    @PutMapping("/providers/{providerId}")
    public Provider defineProvider(@PathVariable String providerId, @RequestBody ProviderChange change) {
        Require.present("body", change);
        return catalogue.define(new Provider(providerId, change.name(), change.kind(), change.organisation()));
    }
}
