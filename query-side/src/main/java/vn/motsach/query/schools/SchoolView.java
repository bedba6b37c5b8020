package vn.motsach.query.schools;

import java.time.Instant;
import java.util.List;

/** A school as {@code GET /api/v1/schools/{schoolId}} answers it. */
record SchoolView(String schoolId, String name, List<String> educationLevels, String authorityId,
        Instant registeredAt, Instant updatedAt) {
}
