package uk.customerhub.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One routing rule of a service: send the request to {@code providerId} when every condition it names holds.
 * {@code whenAttributes}: each named attribute was answered with that value (for a multi-value answer: among its
 * values); {@code whenPostcodeDistricts}: the request's location is in one of these postcode districts (the outward
 * code, "SO14"); {@code whenCustomerCategories}: the customer is of one of these categories. A condition left empty
 * holds for every request.
 */
public record RoutingRule(String ruleId,
                          String providerId,
                          Map<String, String> whenAttributes,
                          List<String> whenPostcodeDistricts,
                          List<CustomerCategory> whenCustomerCategories) {
    /** Conditions of one kind in one rule. */
    public static final int MAX_CONDITIONS = 50;

    public RoutingRule {
        ruleId = Require.id("ruleId", ruleId);
        providerId = Require.id("providerId", providerId);
        if (RoutingRules.DEFAULT_RULE.equals(ruleId)) {
            throw new InvalidInputException("ruleId", RoutingRules.DEFAULT_RULE + " names the service's default rule");
        }
        TreeMap<String, String> attributes = new TreeMap<>();
        if (whenAttributes != null) {
            if (whenAttributes.size() > MAX_CONDITIONS) {
                throw new InvalidInputException("whenAttributes", "must have at most " + MAX_CONDITIONS + " entries");
            }
            whenAttributes.forEach((code, value) -> attributes.put(Require.id("whenAttributes", code),
                    Require.text("whenAttributes." + code, value, Limits.ATTRIBUTE_VALUE)));
        }
        whenAttributes = java.util.Collections.unmodifiableSortedMap(attributes);
        whenPostcodeDistricts = Require.atMost("whenPostcodeDistricts",
                        whenPostcodeDistricts == null ? List.<String>of() : whenPostcodeDistricts, MAX_CONDITIONS).stream()
                .map(district -> district(Require.text("whenPostcodeDistricts", district, 4))).toList();
        whenCustomerCategories = List.copyOf(Require.atMost("whenCustomerCategories",
                whenCustomerCategories == null ? List.<CustomerCategory>of() : whenCustomerCategories, MAX_CONDITIONS));
    }

    private static String district(String value) {
        String district = value.toUpperCase(Locale.ROOT);
        if (!district.matches("[A-Z]{1,2}[0-9][A-Z0-9]?")) {
            throw new InvalidInputException("whenPostcodeDistricts", value + " is not a postcode district (e.g. SO14)");
        }
        return district;
    }

    /** Whether the rule's conditions all hold for a request with these answers, postcode district and customer category. */
    public boolean matches(Map<String, String> answers, String postcodeDistrict, CustomerCategory category) {
        for (Map.Entry<String, String> condition : whenAttributes.entrySet()) {
            String answer = answers.get(condition.getKey());
            if (answer == null || java.util.Arrays.stream(answer.split(",")).map(String::strip)
                    .noneMatch(condition.getValue()::equals)) {
                return false;
            }
        }
        if (!whenPostcodeDistricts.isEmpty() && (postcodeDistrict == null || !whenPostcodeDistricts.contains(postcodeDistrict))) {
            return false;
        }
        return whenCustomerCategories.isEmpty() || (category != null && whenCustomerCategories.contains(category));
    }
}
