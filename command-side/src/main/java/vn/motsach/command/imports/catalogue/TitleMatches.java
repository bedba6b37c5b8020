package vn.motsach.command.imports.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.execution.LookupInserts;
import vn.motsach.command.imports.Folding;
import vn.motsach.events.SchoolId;
import vn.motsach.events.DocType;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.catalogue.TitleRevised;

/**
 * What an imported record's title is matched by (its ISBN, its source control number, or its
 * title, first author and year compared without case or diacritics), kept for every title in the
 * transaction that stores its events, and looked up a batch at a time.
 */
@Component
@ProcessingGroup("circulation-lookups")
class TitleMatches {

    /** The records an import has applied when the tables it grows are first sampled again. */
    static final int RECOUNT_FROM = 1000;

    private final JdbcClient jdbc;
    private final LookupInserts inserts;

    TitleMatches(JdbcClient jdbc, LookupInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    @EventHandler
    void on(TitleCatalogued event) {
        inserts.insert("""
                        insert into cmd_title_match (school_id, title_id, isbn, control_number, match_key, description_digest)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing""",
                event.schoolId().value(), event.titleId().value(), event.isbn(), event.controlNumber(),
                key(event.title(), event.authors().isEmpty() ? null : event.authors().get(0), event.publishedYear()),
                digest(event.title(), event.authors(), event.isbn(), event.publisher(), event.publishedYear(),
                        event.classification(), event.subjects(), event.docType(), event.language(), event.edition()));
    }

    /** A revised title is matched by its new ISBN, title, first author and year. */
    @EventHandler
    void on(TitleRevised event) {
        jdbc.sql("update cmd_title_match set isbn = ?, match_key = ?, description_digest = ? where school_id = ? and title_id = ?")
                .params(event.isbn(),
                        key(event.title(), event.authors().isEmpty() ? null : event.authors().get(0), event.publishedYear()),
                        digest(event.title(), event.authors(), event.isbn(), event.publisher(), event.publishedYear(),
                                event.classification(), event.subjects(), event.docType(), event.language(), event.edition()),
                        event.schoolId().value(), event.titleId().value())
                .update();
    }

    /** A title's whole description in one value: two descriptions are the same when their digests are. */
    static String digest(String title, List<String> authors, String isbn, String publisher, Integer year, String classification,
            List<String> subjects, DocType docType, String language, String edition) {
        // separators no librarian types, so that two different descriptions never join to the same text
        String joined = String.join("\u001f", String.valueOf(title), String.join("\u001e", authors), String.valueOf(isbn),
                String.valueOf(publisher), String.valueOf(year), String.valueOf(classification), String.join("\u001e", subjects),
                String.valueOf(docType), String.valueOf(language), String.valueOf(edition));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digests of these titles' descriptions; a title described before digests were kept has none. */
    Map<UUID, String> digests(SchoolId school, Collection<UUID> titles) {
        Map<UUID, String> found = new HashMap<>();
        if (!titles.isEmpty()) {
            jdbc.sql("select title_id, description_digest from cmd_title_match where school_id = ? and title_id = any(?)"
                            + " and description_digest is not null")
                    .params(school.value(), titles.toArray(UUID[]::new))
                    .query(rs -> {
                        found.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return found;
    }

    /**
     * Has PostgreSQL sample the tables a catalogue import grows again, once the import has applied
     * {@code RECOUNT_FROM} records, then twice as many, and so on. Until autovacuum looks (a minute
     * or more later) the planner believes them as small as they were, in a new school empty, and
     * reads the lookups of a batch as scans of all the school's copies or titles, each batch's
     * costing more than the one before.
     */
    void sampleAgainWhenGrown(int recordsApplied, int batchRecords) {
        if (crossedDoubling(recordsApplied - batchRecords, recordsApplied)) {
            jdbc.sql("analyze cmd_copy, cmd_title_match").update();
        }
    }

    /** Whether {@code RECOUNT_FROM} × 2^k lies in (before, after] for some k: whatever the batches' size. */
    static boolean crossedDoubling(int before, int after) {
        for (long threshold = RECOUNT_FROM; threshold <= after; threshold *= 2) {
            if (threshold > before) {
                return true;
            }
        }
        return false;
    }

    /** Title, first author and year, folded: the same as the migration's {@code cmd_fold}. */
    static String key(String title, String firstAuthor, Integer year) {
        return fold(title) + '|' + (firstAuthor == null ? "" : fold(firstAuthor)) + '|' + (year == null ? "" : year);
    }

    /** A text without case or diacritics, its spaces and punctuation one space: "Đường  về." becomes "duong ve". */
    static String fold(String text) {
        return Folding.fold(text);
    }

    Map<String, UUID> byIsbn(SchoolId school, Collection<String> isbns) {
        return lookup("isbn", school, isbns);
    }

    Map<String, UUID> byControlNumber(SchoolId school, Collection<String> numbers) {
        return lookup("control_number", school, numbers);
    }

    /** The titles of each key, oldest first, with their ISBNs: several titles may share a key (the volumes of a work). */
    Map<String, List<KeyMatch>> byKey(SchoolId school, Collection<String> keys) {
        Map<String, List<KeyMatch>> found = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql("select match_key, title_id, isbn from cmd_title_match where school_id = ? and match_key = any(?) order by title_id")
                    .params(school.value(), keys.toArray(String[]::new))
                    .query(rs -> {
                        found.computeIfAbsent(rs.getString(1), key -> new ArrayList<>())
                                .add(new KeyMatch(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(1)));
                    });
        }
        return found;
    }

    /** These titles' keys and ISBNs. */
    Map<UUID, KeyMatch> keysOf(SchoolId school, Collection<UUID> titles) {
        Map<UUID, KeyMatch> found = new HashMap<>();
        if (!titles.isEmpty()) {
            jdbc.sql("select title_id, isbn, match_key from cmd_title_match where school_id = ? and title_id = any(?)")
                    .params(school.value(), titles.toArray(UUID[]::new))
                    .query(rs -> {
                        UUID title = rs.getObject(1, UUID.class);
                        found.put(title, new KeyMatch(title, rs.getString(2), rs.getString(3)));
                    });
        }
        return found;
    }

    /** How many copies each of these titles has. */
    Map<UUID, Integer> copyCounts(SchoolId school, Collection<UUID> titles) {
        Map<UUID, Integer> found = new HashMap<>();
        if (!titles.isEmpty()) {
            jdbc.sql("select title_id, count(*) from cmd_copy where school_id = ? and title_id = any(?) group by title_id")
                    .params(school.value(), titles.toArray(UUID[]::new))
                    .query(rs -> {
                        found.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    });
        }
        return found;
    }

    /** The work a {@link #key} names: its title and first author, without the year. */
    static String workOf(String key) {
        return key.substring(0, key.lastIndexOf('|'));
    }

    /** A title, its ISBN (none when it was catalogued without one) and its {@link #key}. */
    record KeyMatch(UUID titleId, String isbn, String key) {
    }

    /**
     * The copies of these barcodes: the title each belongs to, the digest of its details (none for
     * a copy accessioned before digests were kept) and whether it left the collection (withdrawn or lost).
     */
    Map<String, KnownCopy> copies(SchoolId school, Collection<String> barcodes) {
        Map<String, KnownCopy> copies = new HashMap<>();
        if (!barcodes.isEmpty()) {
            jdbc.sql("select barcode, title_id, details_digest, withdrawn from cmd_copy where school_id = ? and barcode = any(?)")
                    .params(school.value(), barcodes.toArray(String[]::new))
                    .query(rs -> {
                        copies.put(rs.getString(1), new KnownCopy(rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4)));
                    });
        }
        return copies;
    }

    /** A copy a record names, as the lookup knows it. */
    record KnownCopy(UUID titleId, String detailsDigest, boolean outOfCollection) {
    }

    /** The titles the copies of these barcodes belong to. */
    Map<String, UUID> copyOwners(SchoolId school, Collection<String> barcodes) {
        Map<String, UUID> owners = new HashMap<>();
        if (!barcodes.isEmpty()) {
            jdbc.sql("select barcode, title_id from cmd_copy where school_id = ? and barcode = any(?)")
                    .params(school.value(), barcodes.toArray(String[]::new))
                    .query(rs -> {
                        owners.put(rs.getString(1), rs.getObject(2, UUID.class));
                    });
        }
        return owners;
    }

    private Map<String, UUID> lookup(String column, SchoolId school, Collection<String> values) {
        Map<String, UUID> found = new HashMap<>();
        if (!values.isEmpty()) {
            // the oldest title first wins when several share a value
            jdbc.sql("select " + column + ", title_id from cmd_title_match where school_id = ? and " + column
                            + " = any(?) order by title_id desc")
                    .params(school.value(), values.toArray(String[]::new))
                    .query(rs -> {
                        found.put(rs.getString(1), rs.getObject(2, UUID.class));
                    });
        }
        return found;
    }
}
