package uk.customerhub.channels.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.CustomerMergedException;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.UnknownServiceRequestException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error of the hub's APIs as RFC 9457 {@code application/problem+json}: invalid input 400 with the offending
 * fields under {@code errors}, a channel system submitting on a channel its token does not name 403, unknown (or not
 * yours) 404, conflict 409. A rejected request changed nothing.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalidFields(List.of(fieldError(e.field(), e.getMessage().substring(e.field().length() + 2))));
    }

    @ExceptionHandler(ConflictingRequestException.class)
    ProblemDetail conflict(ConflictingRequestException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    /** A retired record refuses new contacts: 409, naming the record that takes them now. */
    @ExceptionHandler(CustomerMergedException.class)
    ProblemDetail merged(CustomerMergedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Record merged", e.getMessage());
        problem.setProperty("survivorCustomerId", e.survivorCustomerId());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "Concurrent change", "The record changed while this request was handled; send it again.");
    }

    @ExceptionHandler(ChannelNotAllowedException.class)
    ProblemDetail channelNotAllowed(ChannelNotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler({AggregateNotFoundException.class, NotFoundException.class, UnknownServiceRequestException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "No such record, or it is not yours to see.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Request failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The hub could not complete this request. Sending it again with the same id or Idempotency-Key is safe.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return invalidFields(List.of(fieldError(e.getName(), "has an invalid value")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        ProblemDetail problem;
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            problem = invalidFields(List.of(fieldError(path(format), "must be one of " + allowed)));
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = invalidFields(List.of(fieldError(path(unknown), "is not a known field")));
        } else if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof InvalidInputException invalid) {
            problem = invalid(invalid);
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem = invalidFields(List.of(fieldError(path(mapping), "has an invalid value")));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "Malformed request", "The request body is not valid JSON.");
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(invalidFields(errors));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static ProblemDetail invalidFields(List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.stream().map(error -> error.get("field") + " " + error.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
