package uk.customerhub.infra.demoprovider;

/**
 * A status update as a provider posts it to {@code POST /providers/v1/service-requests/{id}/updates}: field names as
 * the hub's provider API (and mySociety's Open311 updates) have them, {@code status} an Open311 word.
 */
public record ProviderUpdate(String update_id, String status, String external_status_code, String description,
                             String updated_datetime) {
}
