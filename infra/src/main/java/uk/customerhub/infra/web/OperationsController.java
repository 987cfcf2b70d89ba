package uk.customerhub.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.channels.web.NotFoundException;
import uk.customerhub.infra.eventstore.deadletter.DeadLetters;
import uk.customerhub.infra.eventstore.deadletter.MongoSequencedDeadLetterQueue;

import java.util.List;
import java.util.Map;

/**
 * ADMIN operations on the event processors: where each one is, its dead letters (events a handler kept failing on),
 * retrying them, and replaying a processor from the start to rebuild its read model. Dead letters can hold personal
 * data, so all of this is ADMIN-only.
 */
@RestController
@RequestMapping("/admin")
@Tag(name = "Operations (ADMIN)")
@SecurityRequirement(name = "bearer")
public class OperationsController {
    private final EventProcessingConfiguration processing;

    public OperationsController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Operation(summary = "Event processors and whether each is running, replaying or in error")
    @GetMapping("/processors")
    public List<Map<String, Object>> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> Map.<String, Object>of(
                        "name", processor.getName(),
                        "running", processor.isRunning(),
                        "error", processor.isError(),
                        "replaying", processor.isReplaying(),
                        "segments", processor.processingStatus().size()))
                .toList();
    }

    @Operation(summary = "Rebuild a processor's read model: reset its tokens and replay every event from the start")
    @PostMapping("/processors/{name}/replay")
    public ResponseEntity<Map<String, Object>> replay(@PathVariable String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("no processor " + name));
        if (!processor.supportsReset()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("name", name, "replay", "not supported"));
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().body(Map.of("name", name, "replay", "started"));
    }

    @Operation(summary = "Dead letters of a processing group: counts per sequence and the oldest sequences")
    @GetMapping("/dead-letters/{group}")
    public Map<String, Object> deadLetters(@PathVariable String group, @RequestParam(defaultValue = "20") int limit) {
        DeadLetters letters = deadLettersOf(group);
        return Map.of("group", group, "counts", letters.counts(), "sequences", letters.sequences(Math.min(limit, 100)));
    }

    @Operation(summary = "The letters of one dead-lettered sequence (e.g. one customer's record)")
    @GetMapping("/dead-letters/{group}/letters")
    public List<DeadLetters.LetterView> letters(@PathVariable String group, @RequestParam String sequence,
                                                @RequestParam(defaultValue = "20") int limit) {
        return deadLettersOf(group).letters(sequence, Math.min(limit, 100));
    }

    @Operation(summary = "Retry a dead-lettered sequence (or the oldest one when none is named)")
    @PostMapping("/dead-letters/{group}/retry")
    public Map<String, Object> retry(@PathVariable String group, @RequestParam(required = false) String sequence) {
        DeadLetters letters = deadLettersOf(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("no dead-letter processor for " + group));
        boolean succeeded = sequence == null ? letters.retryOldest(processor) : letters.retry(processor, sequence);
        return Map.of("group", group, "retried", sequence == null ? "oldest" : sequence, "succeeded", succeeded,
                "counts", letters.counts());
    }

    private DeadLetters deadLettersOf(String group) {
        if (processing.eventProcessorByProcessingGroup(group).isEmpty()) {
            throw new NotFoundException("no processing group " + group);
        }
        return processing.deadLetterQueue(group)
                .filter(MongoSequencedDeadLetterQueue.class::isInstance)
                .map(queue -> new DeadLetters((MongoSequencedDeadLetterQueue<?>) queue))
                .orElseThrow(() -> new NotFoundException("no dead-letter queue for " + group));
    }
}
