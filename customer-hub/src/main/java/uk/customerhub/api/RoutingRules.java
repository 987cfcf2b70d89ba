package uk.customerhub.api;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a service's requests are routed, one version of it: the rules in order — the first whose conditions hold
 * chooses the provider — and the default provider when none holds, so every request gets exactly one owner.
 * {@code version} counts the rules' versions from 1; each routing decision records it.
 */
public record RoutingRules(String serviceCode, int version, List<RoutingRule> rules, String defaultProviderId) {
    /** The rule id a decision names when no rule held and the default provider was chosen. */
    public static final String DEFAULT_RULE = "default";
    /** Rules of one service. */
    public static final int MAX_RULES = 100;

    public RoutingRules {
        serviceCode = Require.id("serviceCode", serviceCode);
        if (version < 1) {
            throw new InvalidInputException("version", "must be 1 or more");
        }
        rules = List.copyOf(Require.atMost("rules", rules == null ? List.<RoutingRule>of() : rules, MAX_RULES));
        defaultProviderId = Require.id("defaultProviderId", defaultProviderId);
        Set<String> ids = new HashSet<>();
        for (RoutingRule rule : rules) {
            if (!ids.add(rule.ruleId())) {
                throw new InvalidInputException("rules", "rule " + rule.ruleId() + " is defined twice");
            }
        }
    }

    /** Every provider these rules may choose, the default included. */
    public Set<String> providerIds() {
        Set<String> providers = new HashSet<>();
        providers.add(defaultProviderId);
        rules.forEach(rule -> providers.add(rule.providerId()));
        return providers;
    }

    /** These rules as their next version. */
    public RoutingRules asVersion(int newVersion) {
        return new RoutingRules(serviceCode, newVersion, rules, defaultProviderId);
    }

    /**
     * Chooses the provider of a request: the first rule whose conditions hold, else the default. The decision records
     * the rule, these rules' version, the service version the request was raised against, and the inputs looked at.
     *
     * @param details        the request's description, answers and location
     * @param category       the customer's category when the request was raised (null if unknown)
     * @param serviceVersion the version of the service definition the request was raised against (0 if unknown)
     */
    public Route decide(ServiceRequestDetails details, CustomerCategory category, int serviceVersion) {
        Map<String, String> answers = details == null ? Map.of() : details.attributes();
        String district = details == null || details.location() == null ? null : postcodeDistrict(details.location().postcode());
        for (RoutingRule rule : rules) {
            if (rule.matches(answers, district, category)) {
                return new Route(rule.providerId(), new RoutingDecision(rule.ruleId(), version, serviceVersion,
                        inputs(rule, answers, district, category)));
            }
        }
        return new Route(defaultProviderId, new RoutingDecision(DEFAULT_RULE, version, serviceVersion, Map.of()));
    }

    /** The inputs the chosen rule looked at, as they were. */
    private static Map<String, String> inputs(RoutingRule rule, Map<String, String> answers, String district,
                                              CustomerCategory category) {
        Map<String, String> inputs = new LinkedHashMap<>();
        rule.whenAttributes().keySet().forEach(code -> inputs.put("attributes." + code, answers.get(code)));
        if (!rule.whenPostcodeDistricts().isEmpty()) {
            inputs.put("postcodeDistrict", district);
        }
        if (!rule.whenCustomerCategories().isEmpty()) {
            inputs.put("customerCategory", category.name());
        }
        return inputs;
    }

    /** The outward code of a canonical postcode ("SO14 7LY" → "SO14"), or null. */
    public static String postcodeDistrict(String postcode) {
        if (postcode == null) {
            return null;
        }
        int space = postcode.indexOf(' ');
        return space < 0 ? postcode : postcode.substring(0, space);
    }

    /** The provider chosen for a request, and why. */
    public record Route(String providerId, RoutingDecision decision) {
    }
}
