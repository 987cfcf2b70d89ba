package uk.customerhub.api;

/**
 * One service's definition (Open311 {@code GET services/{service_code}}): its current version, or the given
 * {@code version} (the one a request was raised against). Answers an empty result for an unknown service or version.
 */
public record FetchServiceDefinition(String serviceCode, Integer version) {
    public FetchServiceDefinition {
        Require.id("serviceCode", serviceCode);
    }

    public static FetchServiceDefinition current(String serviceCode) {
        return new FetchServiceDefinition(serviceCode, null);
    }
}
