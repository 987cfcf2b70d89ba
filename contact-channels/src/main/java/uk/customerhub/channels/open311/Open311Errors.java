package uk.customerhub.channels.open311;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.InvalidInputException;

import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Every error on the Open311 paths in Open311's own format — {@code [{"code":400,"description":"…"}]}, or
 * {@code <errors><error><code>400</code><description>…</description></error></errors>} for {@code .xml} — the one
 * exception to problem+json in the hub. Invalid input names the parameter as the client sent it
 * ({@code attribute[surface]}, {@code lat}, {@code email}); 401 a missing or wrong API key; 404 what is not there;
 * 409 an Idempotency-Key sent again with another report.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Open311Errors {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Open311Errors.class);
    /** The hub's field names as Open311 names the parameters. */
    private static final Map<String, String> PARAMETERS = Map.of(
            "serviceCode", "service_code",
            "mediaUrl", "media_url",
            "location", "lat",
            "location.latitude", "lat",
            "location.longitude", "long",
            "location.description", "address_string",
            "location.uprn", "address_id");

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> refused(Open311Exception e, HttpServletRequest request) {
        return answer(request, e.status(), e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e, HttpServletRequest request) {
        String message = e.getMessage().substring(e.field().length() + 2);
        return answer(request, 400, parameterOf(e.field()) + " " + message);
    }

    @ExceptionHandler(ConflictingRequestException.class)
    ResponseEntity<String> conflict(ConflictingRequestException e, HttpServletRequest request) {
        return answer(request, 409, e.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<String> concurrentChange(ConcurrencyException e, HttpServletRequest request) {
        return answer(request, 409, "the record changed while this report was handled; send it again");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<String> notFound(AggregateNotFoundException e, HttpServletRequest request) {
        return answer(request, 404, "not found");
    }

    @ExceptionHandler(CompletionException.class)
    ResponseEntity<String> completion(CompletionException e, HttpServletRequest request) throws Exception {
        if (e.getCause() instanceof InvalidInputException invalid) {
            return invalid(invalid, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return answer(request, response.getStatusCode().value(), response.getBody().getDetail());
        }
        log.error("Open311 request failed unexpectedly", e);
        return answer(request, 500, "the hub could not complete this request; sending it again is safe");
    }

    /** {@code attributes.surface} → {@code attribute[surface]}; the hub's other names → Open311's. */
    static String parameterOf(String field) {
        if (field.startsWith("attributes.")) {
            return "attribute[" + field.substring("attributes.".length()) + "]";
        }
        if (field.equals("attributes")) {
            return "attribute";
        }
        return PARAMETERS.getOrDefault(field, field);
    }

    private static ResponseEntity<String> answer(HttpServletRequest request, int status, String description) {
        return Open311Writer.error(Open311Format.ofPath(request.getRequestURI()), status, description);
    }
}
