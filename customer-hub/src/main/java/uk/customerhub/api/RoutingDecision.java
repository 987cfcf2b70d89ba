package uk.customerhub.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a service request went to its provider: the routing rule that chose it, the version of the service's routing
 * rules, the version of the service definition the request was raised against, and the inputs the rule looked at
 * (attribute answers, ward or postcode district, customer category), so the decision can be explained later.
 */
public record RoutingDecision(String ruleId, int rulesVersion, int serviceVersion, Map<String, String> inputs) {
    public RoutingDecision {
        Require.id("ruleId", ruleId);
        inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs == null ? Map.of() : inputs));
    }
}
