package uk.customerhub.infra.demoprovider;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo provider's webhook endpoint (demo run only): no bearer token — a webhook is authenticated by its
 * signature. 204 when taken (or seen before), 401 problem+json when the signature does not verify.
 */
@RestController
@ConditionalOnProperty(prefix = "hub.demo-provider", name = "enabled", havingValue = "true")
@Tag(name = "Demo provider (demo run only)")
public class DemoProviderController {
    private final DemoProvider provider;

    public DemoProviderController(DemoProvider provider) {
        this.provider = provider;
    }

    @Operation(summary = "Take a signed webhook for a provider, as a partner's system would")
    @PostMapping(path = "/demo-provider/webhooks/{providerId}")
    public ResponseEntity<?> receive(@PathVariable String providerId, @RequestBody(required = false) String body,
                                     HttpServletRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        DemoProvider.Verdict verdict = provider.receive(providerId, body == null ? "" : body, headers);
        if (verdict == DemoProvider.Verdict.REFUSED) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The webhook signature does not verify.");
            problem.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        return ResponseEntity.noContent().build();
    }
}
