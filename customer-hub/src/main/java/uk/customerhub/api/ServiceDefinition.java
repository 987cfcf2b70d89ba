package uk.customerhub.api;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A service of the council's catalogue, one version of it: what a resident or an agent may ask for, with the
 * questions a request must answer. The fields follow Open311 GeoReport v2 ({@code service_code}, {@code service_name},
 * {@code description}, {@code group}, {@code keywords}, {@code type}; the attributes of its service definition).
 * <p>
 * {@code version} counts the definition's versions from 1; a service request records the version it was raised
 * against. {@code restrictedTo} makes every request of the service a restricted case of that specialism
 * (safeguarding referrals). {@code responseWorkingDays} and {@code resolutionWorkingDays} are the service level
 * targets: the provider's first response, and the request resolved, in working days after routing.
 */
public record ServiceDefinition(String serviceCode,
                                String serviceName,
                                String description,
                                String group,
                                List<String> keywords,
                                ServiceType type,
                                int version,
                                List<ServiceAttribute> attributes,
                                Specialism restrictedTo,
                                int responseWorkingDays,
                                int resolutionWorkingDays) {
    /** Keywords of one service. */
    public static final int MAX_KEYWORDS = 20;
    /** The longest working-day target: a year. */
    public static final int MAX_WORKING_DAYS = 366;

    public ServiceDefinition {
        serviceCode = Require.id("serviceCode", serviceCode);
        serviceName = Require.text("serviceName", serviceName, Limits.SHORT_TEXT);
        description = Require.text("description", description, Limits.SUMMARY);
        group = Require.optionalText("group", group, Limits.SHORT_TEXT);
        keywords = Require.atMost("keywords", keywords == null ? List.<String>of() : keywords, MAX_KEYWORDS).stream()
                .map(keyword -> Require.text("keywords", keyword, Limits.ID)).toList();
        type = type == null ? ServiceType.REALTIME : type;
        if (version < 1) {
            throw new InvalidInputException("version", "must be 1 or more");
        }
        attributes = Require.atMost("attributes", attributes == null ? List.<ServiceAttribute>of() : attributes, Limits.ATTRIBUTES)
                .stream().sorted(Comparator.comparingInt(ServiceAttribute::order).thenComparing(ServiceAttribute::code)).toList();
        Set<String> codes = new HashSet<>();
        for (ServiceAttribute attribute : attributes) {
            if (!codes.add(attribute.code())) {
                throw new InvalidInputException("attributes", "attribute " + attribute.code() + " is defined twice");
            }
        }
        checkTarget("responseWorkingDays", responseWorkingDays);
        checkTarget("resolutionWorkingDays", resolutionWorkingDays);
        if (resolutionWorkingDays < responseWorkingDays) {
            throw new InvalidInputException("resolutionWorkingDays", "must not be shorter than responseWorkingDays");
        }
    }

    private static void checkTarget(String field, int workingDays) {
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new InvalidInputException(field, "must be 1 to " + MAX_WORKING_DAYS + " working days");
        }
    }

    /** Open311's {@code metadata}: whether the service has questions (a service definition worth fetching). */
    public boolean metadata() {
        return !attributes.isEmpty();
    }

    /** This definition as its next version. */
    public ServiceDefinition asVersion(int newVersion) {
        return new ServiceDefinition(serviceCode, serviceName, description, group, keywords, type, newVersion, attributes,
                restrictedTo, responseWorkingDays, resolutionWorkingDays);
    }

    /** Whether two definitions say the same, whatever their version numbers. */
    public boolean sameContentAs(ServiceDefinition other) {
        return other != null && asVersion(1).equals(other.asVersion(1));
    }
}
