package uk.customerhub.api;

import java.time.Instant;

/**
 * What the public may see of a service request (Open311 GeoReport v2's request): no name, e-mail or phone of the
 * reporter, only what was reported and where, who deals with it and how far it has got. Requests of restricted or
 * staff-only cases are never shown. {@code agencyResponsible} is the provider's name once routed;
 * {@code serviceNotice} what the council promises for the service; {@code expectedAt} when it expects to have dealt
 * with it, when known.
 */
public record PublicServiceRequest(String serviceRequestId,
                                   PublicRequestStatus status,
                                   String statusNotes,
                                   String serviceName,
                                   String serviceCode,
                                   String description,
                                   String agencyResponsible,
                                   String serviceNotice,
                                   Instant requestedAt,
                                   Instant updatedAt,
                                   Instant expectedAt,
                                   String address,
                                   String addressId,
                                   String postcode,
                                   Double latitude,
                                   Double longitude,
                                   String mediaUrl) {
}
