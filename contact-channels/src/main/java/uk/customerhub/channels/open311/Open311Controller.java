package uk.customerhub.channels.open311;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.customerhub.api.FindPublicServiceRequests;
import uk.customerhub.api.FindPublicStatusUpdates;
import uk.customerhub.api.FindServices;
import uk.customerhub.api.PublicServiceRequest;
import uk.customerhub.api.PublicServiceRequests;
import uk.customerhub.api.PublicStatusUpdates;
import uk.customerhub.api.ServiceList;
import uk.customerhub.channels.web.ClientKeys;

import java.util.List;

/**
 * Open311 GeoReport v2 at {@code /open311/v2}, each answer in JSON or XML as the path's extension says, with the
 * specification's names; plus mySociety's {@code servicerequestupdates}. Reading is public, as the specification
 * has it, and shows only what the public may see (never a restricted or staff-only case, nor anyone's name, e-mail or
 * phone); posting a report needs the {@code api_key} of a configured Open311 client. Errors are in Open311's own
 * format ({@link Open311Errors}).
 */
@RestController
@RequestMapping(Open311Controller.BASE)
@Tag(name = "Open311 GeoReport v2")
public class Open311Controller {
    static final String BASE = "/open311/v2";
    private static final String FORMAT = "{format:json|xml}";

    private final Open311Properties properties;
    private final Open311ApiKeys apiKeys;
    private final Open311Reports reports;
    private final Open311Searches searches;
    private final QueryGateway queries;

    public Open311Controller(Open311Properties properties, Open311ApiKeys apiKeys, Open311Reports reports,
                             Open311Searches searches, QueryGateway queries) {
        this.properties = properties;
        this.apiKeys = apiKeys;
        this.reports = reports;
        this.searches = searches;
        this.queries = queries;
    }

    @Operation(summary = "Service discovery: where the endpoint is, its formats and how to get an API key")
    @GetMapping("/discovery." + FORMAT)
    public ResponseEntity<String> discovery(@PathVariable String format) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).toUriString();
        return Open311Writer.object(Open311Format.of(format), "discovery", Open311Answers.discovery(properties, url));
    }

    @Operation(summary = "The services a resident may report (restricted services are not offered)")
    @GetMapping("/services." + FORMAT)
    public ResponseEntity<String> services(@PathVariable String format,
                                           @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        checkJurisdiction(jurisdictionId);
        ServiceList services = queries.query(new FindServices(), ServiceList.class).join();
        return Open311Writer.list(200, Open311Format.of(format), "services", "service", services.services().stream()
                .filter(service -> service.restrictedTo() == null)
                .map(Open311Answers::service).toList());
    }

    @Operation(summary = "One service's definition: the questions a report of it answers")
    @GetMapping("/services/{service_code}." + FORMAT)
    public ResponseEntity<String> serviceDefinition(@PathVariable("service_code") String serviceCode, @PathVariable String format,
                                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        checkJurisdiction(jurisdictionId);
        return Open311Writer.object(Open311Format.of(format), "service_definition", Open311Answers.definition(
                reports.publicService(serviceCode).orElseThrow(() ->
                        Open311Exception.notFound("service_code " + serviceCode + " was not found"))));
    }

    @Operation(summary = "Report a problem (form-encoded; needs api_key); answers its service_request_id")
    @PostMapping("/requests." + FORMAT)
    public ResponseEntity<String> report(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
                                         @RequestHeader(name = ClientKeys.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
                                         @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Open311Format answer = Open311Format.of(format);
        String clientId = apiKeys.clientFor(Open311Report.single(form, "api_key"))
                .orElseThrow(() -> new Open311Exception(401, "api_key is missing or not valid"));
        checkJurisdiction(Open311Report.single(form, "jurisdiction_id"));
        Open311Report report = Open311Report.fromForm(form);
        Open311Reports.Raised raised = reports.report(clientId, report, idempotencyKey, correlationId);
        return Open311Writer.list(201, answer, "service_requests", "request",
                List.of(Open311Answers.created(raised.serviceRequestId(), raised.serviceNotice(), report.accountId())));
    }

    @Operation(summary = "Service requests, newest first (service_request_id, service_code, start_date, end_date, status; "
            + "the last 90 days by default, at most 1,000)")
    @GetMapping("/requests." + FORMAT)
    public ResponseEntity<String> requests(@PathVariable String format, @RequestParam MultiValueMap<String, String> query) {
        checkJurisdiction(Open311Report.single(query, "jurisdiction_id"));
        FindPublicServiceRequests search = searches.requests(query);
        return requestList(Open311Format.of(format), queries.query(search, PublicServiceRequests.class).join().requests());
    }

    @Operation(summary = "One service request")
    @GetMapping("/requests/{service_request_id}." + FORMAT)
    public ResponseEntity<String> request(@PathVariable("service_request_id") String serviceRequestId, @PathVariable String format,
                                          @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        checkJurisdiction(jurisdictionId);
        return requestList(Open311Format.of(format), List.of(one(serviceRequestId, "service_request_id")));
    }

    @Operation(summary = "The service request of a token (the hub answers every report with its id at once: a token is that id)")
    @GetMapping("/tokens/{token}." + FORMAT)
    public ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
                                        @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        checkJurisdiction(jurisdictionId);
        PublicServiceRequest request = one(token, "token");
        return Open311Writer.list(200, Open311Format.of(format), "service_requests", "request",
                List.of(Open311Answers.token(request.serviceRequestId(), token)));
    }

    @Operation(summary = "Providers' status updates (mySociety's extension; start_date, end_date; the last 24 hours by default)")
    @GetMapping("/servicerequestupdates." + FORMAT)
    public ResponseEntity<String> updates(@PathVariable String format, @RequestParam MultiValueMap<String, String> query) {
        checkJurisdiction(Open311Report.single(query, "jurisdiction_id"));
        FindPublicStatusUpdates search = searches.updates(query);
        PublicStatusUpdates updates = queries.query(search, PublicStatusUpdates.class).join();
        return Open311Writer.list(200, Open311Format.of(format), "service_request_updates", "request_update",
                updates.updates().stream().map(Open311Answers::update).toList());
    }

    /** Anything else under the Open311 path: not found, in Open311's format. */
    @Hidden
    @RequestMapping("/**")
    public ResponseEntity<String> unknown(HttpServletRequest request) {
        return Open311Writer.error(Open311Format.ofPath(request.getRequestURI()), 404,
                request.getMethod() + " " + request.getRequestURI() + " is not an Open311 method of this endpoint");
    }

    private PublicServiceRequest one(String id, String name) {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            throw Open311Exception.notFound(name + " " + id + " was not found");
        }
        return queries.query(searches.byId(id), PublicServiceRequests.class).join().requests().stream().findFirst()
                .orElseThrow(() -> Open311Exception.notFound(name + " " + id + " was not found"));
    }

    private static ResponseEntity<String> requestList(Open311Format format, List<PublicServiceRequest> requests) {
        return Open311Writer.list(200, format, "service_requests", "request",
                requests.stream().map(Open311Answers::request).toList());
    }

    private void checkJurisdiction(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdictionId.strip().equals(properties.jurisdictionId())) {
            throw Open311Exception.notFound("jurisdiction_id " + jurisdictionId + " was not found");
        }
    }
}
