package uk.customerhub.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The personal part of a service request: the customer's description, the answers to the service's questions, and where. */
public record ServiceRequestDetails(String description, Map<String, String> attributes, ServiceLocation location) {
    public ServiceRequestDetails {
        description = Require.text("description", description, Limits.SUMMARY);
        if (attributes != null && attributes.size() > Limits.ATTRIBUTES) {
            throw new InvalidInputException("attributes", "must have at most " + Limits.ATTRIBUTES + " entries");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        if (attributes != null) {
            attributes.forEach((code, answer) -> sorted.put(
                    Require.id("attributes", code),
                    Require.text("attributes." + code, answer, Limits.ATTRIBUTE_VALUE)));
        }
        attributes = Collections.unmodifiableSortedMap(sorted);
    }
}
