package vn.motsach.command.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.SchoolId;

/** The import jobs, their files and their issues, in the command database (see migration V10). */
@Component
class ImportJobs {

    /** The size of the pieces a file is kept in: small enough to read back one at a time. */
    static final int CHUNK_BYTES = 1 << 20;

    private static final String COLUMNS = """
            import_id, school_id, kind, format, status, dry_run, barcode_prefix, copies_per_record, actor, file_name,
            file_size, requested_at, started_at, finished_at, cancel_requested, total, processed, created, updated,
            unchanged, rejected, next_generated, last_position""";

    private final JdbcClient jdbc;

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a queued job; to be called in the transaction that stores its file. */
    void create(UUID importId, SchoolId school, ImportKind kind, ImportFormat format, boolean dryRun, String barcodePrefix,
            int copiesPerRecord, String actor, String idempotencyKey, String requestHash, String fileName, Instant now) {
        jdbc.sql("""
                        insert into cmd_import_job (import_id, school_id, kind, format, status, dry_run, barcode_prefix,
                            copies_per_record, actor, idempotency_key, request_hash, file_name, file_size, requested_at)
                        values (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(importId, school.value(), kind.name(), format.name(), dryRun, barcodePrefix, copiesPerRecord, actor,
                        idempotencyKey, requestHash, fileName, Timestamp.from(now))
                .update();
    }

    /**
     * Names the school year a rollover job moves students into, in the transaction that creates
     * it: a second standing rollover of the same year breaks a unique index (see migration V17).
     */
    void rollingOver(UUID importId, String schoolYear) {
        jdbc.sql("update cmd_import_job set school_year = ? where import_id = ?").params(schoolYear, importId).update();
    }

    /** The year's rollover that stands (queued, running or succeeded); failed and cancelled ones do not count. */
    Optional<ImportJob> rolloverOf(SchoolId school, String schoolYear) {
        return jdbc.sql("select " + COLUMNS + """
                         from cmd_import_job where school_id = ? and school_year = ? and kind = 'ROLLOVER'
                        and status in ('QUEUED', 'RUNNING', 'SUCCEEDED')""")
                .params(school.value(), schoolYear).query(ImportJobs::job).optional();
    }

    /** The hash of the request that started the job under {@code key}, when one did. */
    Optional<String> requestHash(SchoolId school, String actor, String key) {
        return jdbc.sql("select request_hash from cmd_import_job where school_id = ? and actor = ? and idempotency_key = ?")
                .params(school.value(), actor, key).query(String.class).optional();
    }

    /** Stores the file in pieces, after the bytes already read ({@code head}); its size. */
    long storeFile(UUID importId, byte[] head, int headLength, InputStream rest) {
        try {
            byte[] buffer = new byte[CHUNK_BYTES];
            System.arraycopy(head, 0, buffer, 0, headLength);
            int filled = headLength;
            int seq = 0;
            long size = 0;
            while (true) {
                int read = rest.readNBytes(buffer, filled, CHUNK_BYTES - filled);
                filled += read;
                if (filled == CHUNK_BYTES || (read == 0 && filled > 0)) {
                    jdbc.sql("insert into cmd_import_chunk (import_id, seq, bytes) values (?, ?, ?)")
                            .params(importId, seq++, Arrays.copyOf(buffer, filled)).update();
                    size += filled;
                    filled = 0;
                }
                if (read == 0) {
                    break;
                }
            }
            jdbc.sql("update cmd_import_job set file_size = ? where import_id = ?").params(size, importId).update();
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored file, read one piece at a time. */
    InputStream file(UUID importId) {
        return new InputStream() {
            private int seq;
            private byte[] piece = new byte[0];
            private int at;
            private boolean ended;

            @Override
            public int read() {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (at >= piece.length) {
                    if (ended) {
                        return -1;
                    }
                    Optional<byte[]> next = jdbc.sql("select bytes from cmd_import_chunk where import_id = ? and seq = ?")
                            .params(importId, seq++).query(byte[].class).optional();
                    ended = next.isEmpty();
                    piece = next.orElse(new byte[0]);
                    at = 0;
                }
                int n = Math.min(length, piece.length - at);
                System.arraycopy(piece, at, into, offset, n);
                at += n;
                return n;
            }
        };
    }

    Optional<ImportJob> find(SchoolId school, UUID importId) {
        return jdbc.sql("select " + COLUMNS + " from cmd_import_job where school_id = ? and import_id = ?")
                .params(school.value(), importId).query(ImportJobs::job).optional();
    }

    Optional<ImportJob> find(UUID importId) {
        return jdbc.sql("select " + COLUMNS + " from cmd_import_job where import_id = ?")
                .param(importId).query(ImportJobs::job).optional();
    }

    Optional<ImportJob> findByKey(SchoolId school, String actor, String key) {
        return jdbc.sql("select " + COLUMNS + " from cmd_import_job where school_id = ? and actor = ? and idempotency_key = ?")
                .params(school.value(), actor, key).query(ImportJobs::job).optional();
    }

    /** The job's row, locked until the transaction ends: one batch of a job at a time, whichever instance runs it. */
    ImportJob lock(UUID importId) {
        return jdbc.sql("select " + COLUMNS + " from cmd_import_job where import_id = ? for update")
                .param(importId).query(ImportJobs::job).single();
    }

    List<ImportJob> newestFirst(SchoolId school, int limit) {
        return jdbc.sql("select " + COLUMNS + " from cmd_import_job where school_id = ? order by requested_at desc, import_id desc limit ?")
                .params(school.value(), limit).query(ImportJobs::job).list();
    }

    /** Jobs a stopped process left queued or running. */
    List<UUID> unfinished() {
        return jdbc.sql("select import_id from cmd_import_job where status in ('QUEUED', 'RUNNING') order by requested_at")
                .query(UUID.class).list();
    }

    /** How many jobs, of every school, stand at {@code status}. */
    long count(ImportStatus status) {
        return jdbc.sql("select count(*) from cmd_import_job where status = ?").param(status.name()).query(Long.class).single();
    }

    void start(UUID importId, int total, Instant now) {
        jdbc.sql("update cmd_import_job set status = 'RUNNING', total = ?, started_at = coalesce(started_at, ?) where import_id = ?")
                .params(total, Timestamp.from(now), importId).update();
    }

    /** Counts a batch's records, in the transaction that stored their events. */
    void advance(UUID importId, int processed, int[] counts, int nextGenerated, Long lastPosition) {
        jdbc.sql("""
                        update cmd_import_job set processed = processed + ?, created = created + ?, updated = updated + ?,
                            unchanged = unchanged + ?, rejected = rejected + ?, next_generated = ?,
                            last_position = coalesce(?, last_position)
                        where import_id = ?""")
                .params(processed, counts[0], counts[1], counts[2], counts[3], nextGenerated, lastPosition, importId).update();
    }

    void addIssues(UUID importId, List<ImportIssue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        int seq = jdbc.sql("select coalesce(max(seq), 0) from cmd_import_issue where import_id = ?").param(importId)
                .query(Integer.class).single();
        for (ImportIssue issue : issues) {
            jdbc.sql("""
                            insert into cmd_import_issue (import_id, seq, severity, record, sheet, row_no, field, code, arguments, words,
                                                          headers, cells)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(importId, ++seq, issue.severity().name(), issue.record(), issue.sheet(), issue.row(), issue.field(),
                            issue.code(), issue.arguments().toArray(String[]::new), issue.words(),
                            issue.cells() == null ? null : issue.cells().headers().toArray(String[]::new),
                            issue.cells() == null ? null : issue.cells().values().toArray(String[]::new))
                    .update();
        }
    }

    void finish(UUID importId, ImportStatus status, Instant now) {
        jdbc.sql("update cmd_import_job set status = ?, finished_at = ? where import_id = ? and status in ('QUEUED', 'RUNNING')")
                .params(status.name(), Timestamp.from(now), importId).update();
    }

    /** Asks a queued or running job to stop; false when it had already finished. */
    boolean requestCancel(UUID importId) {
        return jdbc.sql("update cmd_import_job set cancel_requested = true where import_id = ? and status in ('QUEUED', 'RUNNING')")
                .param(importId).update() > 0;
    }

    boolean cancelRequested(UUID importId) {
        return jdbc.sql("select cancel_requested from cmd_import_job where import_id = ?").param(importId)
                .query(Boolean.class).single();
    }

    List<ImportIssue> issues(UUID importId, ImportIssue.Severity severity, int limit) {
        return jdbc.sql("""
                        select severity, record, sheet, row_no, field, code, arguments, words, headers, cells from cmd_import_issue
                        where import_id = ? and severity = ? order by seq limit ?""")
                .params(importId, severity.name(), limit).query(ImportJobs::issue).list();
    }

    /** The headers of the workbook the job's issues came from, when they came from one. */
    Optional<List<String>> issueHeaders(UUID importId) {
        return jdbc.sql("select headers from cmd_import_issue where import_id = ? and headers is not null order by seq limit 1")
                .param(importId).query((rs, row) -> Arrays.asList((String[]) rs.getArray(1).getArray())).optional();
    }

    /** Every issue of the job in the order found, for the report; read a few hundred at a time within a transaction. */
    void eachIssue(UUID importId, Consumer<ImportIssue> each) {
        try (java.util.stream.Stream<ImportIssue> issues = jdbc.sql("""
                        select severity, record, sheet, row_no, field, code, arguments, words, headers, cells from cmd_import_issue
                        where import_id = ? order by seq""")
                .withFetchSize(500).param(importId).query(ImportJobs::issue).stream()) {
            issues.forEach(each);
        }
    }

    private static ImportIssue issue(ResultSet rs, int row) throws SQLException {
        Array arguments = rs.getArray(7);
        return new ImportIssue(ImportIssue.Severity.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
                (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), Arrays.asList((String[]) arguments.getArray()),
                rs.getString(8), cells(rs.getArray(9), rs.getArray(10)));
    }

    private static SourceRecord.Cells cells(Array headers, Array values) throws SQLException {
        return headers == null || values == null ? null
                : new SourceRecord.Cells(Arrays.asList((String[]) headers.getArray()), Arrays.asList((String[]) values.getArray()));
    }

    private static ImportJob job(ResultSet rs, int row) throws SQLException {
        return new ImportJob(rs.getObject(1, UUID.class), SchoolId.of(rs.getString(2)), ImportKind.valueOf(rs.getString(3)),
                ImportFormat.valueOf(rs.getString(4)), ImportStatus.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getString(7),
                rs.getInt(8), rs.getString(9), rs.getString(10), rs.getLong(11), instant(rs, 12), instant(rs, 13),
                instant(rs, 14), rs.getBoolean(15), (Integer) rs.getObject(16), rs.getInt(17), rs.getInt(18), rs.getInt(19),
                rs.getInt(20), rs.getInt(21), rs.getInt(22), (Long) rs.getObject(23));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
