package uk.customerhub.catalogue;

import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.ServiceAttribute;
import uk.customerhub.api.ServiceDefinition;
import uk.customerhub.api.ServiceRequestDetails;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a service request's answers against its service definition: every answer names a question of the service
 * that takes one, every required question is answered, and each answer has its question's type — a number, an ISO
 * 8601 date and time with its offset ({@code 2026-03-02T09:00:00Z}), a string on one line, any text, one allowed
 * value, or allowed values separated by commas. A wrong answer is invalid input naming the attribute
 * ({@code attributes.<code>}).
 */
public final class ServiceRequestValidation {
    private ServiceRequestValidation() {
    }

    public static void check(ServiceDefinition service, ServiceRequestDetails details) {
        Map<String, String> answers = details.attributes();
        for (String code : answers.keySet()) {
            ServiceAttribute question = service.attributes().stream()
                    .filter(attribute -> attribute.code().equals(code)).findFirst()
                    .orElseThrow(() -> invalid(code, "is not a question of service " + service.serviceCode()));
            if (!question.variable()) {
                throw invalid(code, "is information only and takes no answer");
            }
            checkAnswer(question, answers.get(code));
        }
        for (ServiceAttribute question : service.attributes()) {
            if (question.required() && !answers.containsKey(question.code())) {
                throw invalid(question.code(), "is required by service " + service.serviceCode() + " (" + question.description() + ")");
            }
        }
    }

    private static void checkAnswer(ServiceAttribute question, String answer) {
        String code = question.code();
        switch (question.datatype()) {
            case NUMBER -> {
                try {
                    new BigDecimal(answer.strip());
                } catch (NumberFormatException e) {
                    throw invalid(code, "must be a number");
                }
            }
            case DATETIME -> {
                try {
                    OffsetDateTime.parse(answer.strip());
                } catch (DateTimeParseException e) {
                    throw invalid(code, "must be a date and time with its offset, e.g. 2026-03-02T09:00:00Z");
                }
            }
            case STRING -> {
                if (answer.contains("\n") || answer.contains("\r")) {
                    throw invalid(code, "must be on one line");
                }
            }
            case TEXT -> {
                // any text within the attribute value limit
            }
            case SINGLEVALUELIST -> {
                if (!question.allows(answer.strip())) {
                    throw invalid(code, "must be one of " + keysOf(question));
                }
            }
            case MULTIVALUELIST -> {
                Set<String> seen = new HashSet<>();
                for (String key : answer.split(",")) {
                    String value = key.strip();
                    if (!question.allows(value)) {
                        throw invalid(code, "must be one or more of " + keysOf(question) + ", separated by commas");
                    }
                    if (!seen.add(value)) {
                        throw invalid(code, "names " + value + " twice");
                    }
                }
            }
        }
    }

    private static String keysOf(ServiceAttribute question) {
        return String.join(", ", question.values().stream().map(value -> value.key()).toList());
    }

    private static InvalidInputException invalid(String code, String message) {
        return new InvalidInputException("attributes." + code, message);
    }
}
