package uk.customerhub.api;

/**
 * What the council promises a person who asks for a service, in one sentence from the service's targets (Open311's
 * {@code service_notice}): "We aim to respond within 2 working days and to resolve it within 10 working days."
 */
public final class ServiceNotice {
    private ServiceNotice() {
    }

    public static String of(ServiceDefinition service) {
        return "We aim to respond within " + days(service.responseWorkingDays()) + " and to resolve it within "
                + days(service.resolutionWorkingDays()) + ".";
    }

    private static String days(int workingDays) {
        return workingDays == 1 ? "1 working day" : workingDays + " working days";
    }
}
