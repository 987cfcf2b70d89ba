package uk.customerhub.api;

/** A service's routing rules in their current version; an empty result when the service has none. */
public record FetchRoutingRules(String serviceCode) {
    public FetchRoutingRules {
        Require.id("serviceCode", serviceCode);
    }
}
