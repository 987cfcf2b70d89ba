/**
 * The public requests index that the Open311 GeoReport v2 endpoints (and mySociety's {@code servicerequestupdates})
 * are answered from: {@link uk.customerhub.projections.open311.PublicRequestsProjection} builds it from the service
 * request events ("open311-requests" processor) and
 * {@link uk.customerhub.projections.open311.PublicRequestsQueries} answers
 * {@link uk.customerhub.api.FindPublicServiceRequests} and {@link uk.customerhub.api.FindPublicStatusUpdates}.
 * <p>
 * Only requests visible to the resident are indexed (never a restricted or staff-only case), and only what Open311
 * shows of them: never the reporter's name, e-mail or phone. Storage rule as elsewhere: every read is an equality or
 * {@code $in} lookup on {@code _id} — a search reads the day buckets it spans (per organisation and UTC day; per
 * service, status, or both), then the requests they list — and every write filters by {@code _id} alone.
 */
package uk.customerhub.projections.open311;
