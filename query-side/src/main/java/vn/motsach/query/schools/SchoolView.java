package vn.motsach.query.schools;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.EducationLevel;

/** A school as {@code GET /api/v1/schools/{schoolId}} answers it. */
record SchoolView(String schoolId, String name,
        @ArraySchema(schema = @Schema(implementation = EducationLevel.class)) List<String> educationLevels,
        @Nullable String authorityId,
        Instant registeredAt, Instant updatedAt) {
}
