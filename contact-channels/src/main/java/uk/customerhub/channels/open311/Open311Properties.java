package uk.customerhub.channels.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Settings of the Open311 GeoReport v2 endpoint ({@code hub.open311}).
 *
 * @param organisation   the organisation whose requests the endpoint serves (the council unless said otherwise)
 * @param jurisdictionId the jurisdiction id a client may send; any other is a 404 (none sent is fine: the endpoint
 *                       serves one jurisdiction)
 * @param contact        who to contact about the endpoint (discovery's {@code contact})
 * @param keyService     how to get an API key (discovery's {@code key_service})
 * @param changeset      when the endpoint last changed (discovery's {@code changeset})
 * @param clients        the Open311 clients allowed to post requests, each by the SHA-256 of its API key
 * @param unpublishedServices codes of services whose requests are private matters of the person (a council tax
 *                       change, a housing repair): never shown by the public reads, whichever channel raised them
 */
@ConfigurationProperties(prefix = "hub.open311")
public record Open311Properties(String organisation, String jurisdictionId, String contact, String keyService,
                                String changeset, List<Client> clients, List<String> unpublishedServices) {
    public Open311Properties {
        organisation = organisation == null || organisation.isBlank() ? "council" : organisation;
        jurisdictionId = jurisdictionId == null || jurisdictionId.isBlank() ? null : jurisdictionId;
        contact = contact == null ? "" : contact;
        keyService = keyService == null ? "" : keyService;
        changeset = changeset == null || changeset.isBlank() ? "2026-11-23T00:00:00Z" : changeset;
        clients = clients == null ? List.of() : List.copyOf(clients);
        unpublishedServices = unpublishedServices == null ? List.of() : List.copyOf(unpublishedServices);
    }

    /**
     * One Open311 client: a machine on the WEB channel (a FixMyStreet-style site or app).
     *
     * @param clientId  who it is, as the record names who acted ({@code actor})
     * @param keySha256 the SHA-256 of its API key, in hex: the key itself is never configured nor stored
     */
    public record Client(String clientId, String keySha256) {
    }
}
