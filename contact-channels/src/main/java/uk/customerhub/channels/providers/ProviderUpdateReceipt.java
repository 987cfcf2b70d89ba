package uk.customerhub.channels.providers;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a provider is told once its update is stored: the request, its update id, and the record's position. */
public record ProviderUpdateReceipt(@JsonProperty("service_request_id") String serviceRequestId,
                                    @JsonProperty("update_id") String updateId,
                                    @JsonProperty("position") long position) {
}
