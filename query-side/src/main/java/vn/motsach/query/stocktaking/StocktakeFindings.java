package vn.motsach.query.stocktaking;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.query.stocktaking.StocktakeView.CopyLine;
import vn.motsach.query.stocktaking.StocktakeView.ScopeView;
import vn.motsach.query.stocktaking.StocktakeView.UnexpectedLine;
import vn.motsach.query.web.Sql;

/**
 * A stocktake's findings. A closed stocktake's are those the command side judged at the close,
 * as its close recorded them; those of an open one (and of one closed before closes recorded
 * them) are judged against the copies and loans, at the moment asked (at the close):
 * <ul>
 * <li>expected: the school's copies in the scope (document type, the title's classification
 * prefix) that are in circulation (neither withdrawn nor lost) when asked;</li>
 * <li>on loan: expected copies not scanned that were on loan at the moment judged, or were lent
 * or returned between the start and that moment, or wait on the hold shelf: circulation goes on
 * during a stocktake, and a copy back on the shelf after its part of the shelves was scanned is
 * not missing;</li>
 * <li>missing: the other expected copies not scanned;</li>
 * <li>unexpected: copies scanned but not expected, and barcodes that are no copy of the school.</li>
 * </ul>
 */
@Component
class StocktakeFindings {

    /** Every copy of the school in the stocktake's scope or scanned in it, with what judging it needs. */
    private static final String COPIES = """
            with st as (select * from qs_stocktake where school_id = :school and stocktake_id = :id),
                 judged as (select st.*, coalesce(st.closed_at, :now) as at from st)
            select c.barcode, c.title, c.status,
                   (cardinality(j.doc_types) = 0 or c.doc_type = any(j.doc_types))
                     and (j.classification_prefix is null or starts_with(coalesce(t.classification, ''), j.classification_prefix))
                     as in_scope,
                   exists (select 1 from qs_stocktake_scan s where s.school_id = c.school_id and s.stocktake_id = j.stocktake_id
                           and s.barcode = c.barcode) as scanned,
                   exists (select 1 from qs_loan l where l.school_id = c.school_id and l.barcode = c.barcode and l.owner_school_id is null
                           and l.borrowed_at <= j.at and (l.returned_at is null or l.returned_at > j.started_at))
                     or c.status in ('ON_HOLD_SHELF', 'IN_TRANSIT', 'AT_PARTNER') as circulated
            from judged j
            join qs_copy c on c.school_id = j.school_id
            left join qs_catalogue_title t on t.school_id = c.school_id and t.title_id = c.title_id
            order by c.barcode""";

    private final JdbcClient jdbc;

    StocktakeFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StocktakeView> judge(String school, UUID stocktake, Instant now) {
        return jdbc.sql("""
                        select stocktake_id, name, doc_types, classification_prefix, started_at, closed_at, expected,
                               missing_marked_lost
                        from qs_stocktake where school_id = :school and stocktake_id = :id""")
                .param("school", school).param("id", stocktake)
                .query((rs, row) -> new Heading(Sql.uuid(rs, "stocktake_id"), rs.getString("name"),
                        texts(rs.getArray("doc_types")), rs.getString("classification_prefix"), Sql.instant(rs, "started_at"),
                        Sql.instant(rs, "closed_at"), Sql.integer(rs, "expected"), rs.getBoolean("missing_marked_lost")))
                .optional()
                .map(heading -> heading.expected() == null ? findings(school, heading, now) : atClose(school, heading));
    }

    /** The findings the close recorded, each copy with its title; barcodes no copy carried from the scans. */
    private StocktakeView atClose(String school, Heading heading) {
        List<CopyLine> missing = new ArrayList<>();
        List<CopyLine> onLoan = new ArrayList<>();
        List<UnexpectedLine> unexpected = new ArrayList<>();
        jdbc.sql("""
                        select f.barcode, c.title, f.finding from qs_stocktake_finding f
                        left join qs_copy c on c.school_id = f.school_id and c.barcode = f.barcode
                        where f.school_id = :school and f.stocktake_id = :id
                        union all
                        select s.barcode, null, 'UNKNOWN' from qs_stocktake_scan s
                        where s.school_id = :school and s.stocktake_id = :id and not s.known
                        order by barcode""")
                .param("school", school).param("id", heading.stocktakeId())
                .query(rs -> {
                    String finding = rs.getString("finding");
                    CopyLine copy = new CopyLine(rs.getString("barcode"), rs.getString("title"));
                    switch (finding) {
                        case "MISSING" -> missing.add(copy);
                        case "ON_LOAN" -> onLoan.add(copy);
                        default -> unexpected.add(new UnexpectedLine(copy.barcode(), copy.title(), finding));
                    }
                });
        int scanned = jdbc.sql("select count(*) from qs_stocktake_scan where school_id = :school and stocktake_id = :id and known")
                .param("school", school).param("id", heading.stocktakeId()).query(Integer.class).single();
        int expected = heading.expected();
        return new StocktakeView(heading.stocktakeId(), heading.name(), "CLOSED",
                new ScopeView(heading.docTypes(), heading.classificationPrefix()), heading.startedAt(), heading.closedAt(),
                expected, scanned, expected - missing.size() - onLoan.size(), onLoan.size(), missing, onLoan, unexpected,
                heading.missingMarkedLost());
    }

    private StocktakeView findings(String school, Heading heading, Instant now) {
        List<CopyLine> missing = new ArrayList<>();
        List<CopyLine> onLoan = new ArrayList<>();
        List<UnexpectedLine> unexpected = new ArrayList<>();
        int[] counts = new int[3];
        jdbc.sql(COPIES)
                .param("school", school).param("id", heading.stocktakeId())
                .param("now", Sql.timestamp(now))
                .query(rs -> {
                    boolean inCirculation = !List.of("WITHDRAWN", "LOST").contains(rs.getString("status"));
                    boolean expected = inCirculation && rs.getBoolean("in_scope");
                    boolean scanned = rs.getBoolean("scanned");
                    CopyLine copy = new CopyLine(rs.getString("barcode"), rs.getString("title"));
                    counts[0] += expected ? 1 : 0;
                    counts[1] += scanned ? 1 : 0;
                    counts[2] += expected && scanned ? 1 : 0;
                    if (expected && !scanned) {
                        (rs.getBoolean("circulated") ? onLoan : missing).add(copy);
                    } else if (!expected && scanned) {
                        unexpected.add(new UnexpectedLine(copy.barcode(), copy.title(),
                                inCirculation ? "OUT_OF_SCOPE" : "NOT_IN_CIRCULATION"));
                    }
                });
        jdbc.sql("""
                        select s.barcode from qs_stocktake_scan s
                        where s.school_id = :school and s.stocktake_id = :id and not s.known
                          and not exists (select 1 from qs_copy c where c.school_id = s.school_id and c.barcode = s.barcode)
                        order by s.barcode""")
                .param("school", school).param("id", heading.stocktakeId())
                .query(String.class).list()
                .forEach(barcode -> unexpected.add(new UnexpectedLine(barcode, null, "UNKNOWN")));
        return new StocktakeView(heading.stocktakeId(), heading.name(), heading.closedAt() == null ? "OPEN" : "CLOSED",
                new ScopeView(heading.docTypes(), heading.classificationPrefix()), heading.startedAt(), heading.closedAt(),
                counts[0], counts[1], counts[2], onLoan.size(), missing, onLoan, unexpected, false);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** A stocktake as stored; {@code expected} is null until a close recorded its findings. */
    private record Heading(UUID stocktakeId, String name, List<String> docTypes, String classificationPrefix,
            Instant startedAt, Instant closedAt, Integer expected, boolean missingMarkedLost) {
    }
}
