package uk.customerhub.channels.providers;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;

/**
 * A provider's status update, in the shape of mySociety's Open311 {@code servicerequestupdates}: its own
 * {@code update_id} (the idempotency key), the {@code status} in the Open311 update vocabulary, its own
 * {@code external_status_code}, a note to the customer ({@code description}, at most 4,000 characters) and when it
 * happened ({@code updated_datetime}, ISO 8601 with an offset; now when left out).
 */
public record ProviderStatusUpdate(@JsonProperty("update_id") String updateId,
                                   @JsonProperty("status") String status,
                                   @JsonProperty("external_status_code") String externalStatusCode,
                                   @JsonProperty("description") String description,
                                   @JsonProperty("updated_datetime") OffsetDateTime updatedDatetime) {
}
