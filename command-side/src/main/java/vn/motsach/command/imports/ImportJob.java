package vn.motsach.command.imports;

import java.time.Instant;
import java.util.UUID;
import vn.motsach.events.SchoolId;

/** An import job as stored: what was asked for and how far it got. */
public record ImportJob(UUID importId, SchoolId schoolId, ImportKind kind, ImportFormat format, ImportStatus status,
        boolean dryRun, String barcodePrefix, int copiesPerRecord, String actor, String fileName, long fileSize,
        Instant requestedAt, Instant startedAt, Instant finishedAt, boolean cancelRequested, Integer total, int processed,
        int created, int updated, int unchanged, int rejected, int nextGenerated, Long lastPosition) {
}
