package vn.motsach.query.deadletters;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The events the projections could not apply: listed with their errors, and replayed after a fix. */
@RestController
class DeadLetterController {

    private final ProjectionDeadLetters deadLetters;

    DeadLetterController(ProjectionDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/v1/admin/projections/dead-letters")
    DeadLettersView deadLetters() {
        return DeadLettersView.of(deadLetters.all());
    }

    @PostMapping("/api/v1/admin/projections/dead-letters/replay")
    ReplayView replayAll() {
        return deadLetters.replay(null, null);
    }

    @PostMapping("/api/v1/admin/projections/{name}/dead-letters/replay")
    ReplayView replayProjection(@PathVariable String name) {
        return deadLetters.replay(name, null);
    }

    @PostMapping("/api/v1/admin/projections/{name}/dead-letters/{schoolId}/replay")
    ReplayView replaySchool(@PathVariable String name, @PathVariable String schoolId) {
        return deadLetters.replay(name, schoolId);
    }
}
