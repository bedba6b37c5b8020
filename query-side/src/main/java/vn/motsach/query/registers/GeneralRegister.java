package vn.motsach.query.registers;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.AcquisitionSource;
import vn.motsach.events.DocType;
import vn.motsach.query.documents.Column;
import vn.motsach.query.documents.DocumentWords;
import vn.motsach.query.documents.TableWriter;
import vn.motsach.query.setup.SchoolYears.YearDates;
import vn.motsach.query.web.Sql;

/**
 * The sổ đăng ký tổng quát of a school year, in three parts under the same columns (copies by
 * document type, their number and their value): part I one line per intake received in the
 * year, and one for copies entered in the year outside any intake; part II one line per
 * withdrawal decision (withdrawals without a decision number by day and reason) and the losses
 * by day; part III the collection at the year's start, what came in, what went out, and the
 * collection at its end. A copy counts as entered on its acquisition day, else its intake's day,
 * a copy without either as entered before any year.
 */
@Component
class GeneralRegister {

    static final List<DocType> TYPES = List.of(DocType.values());
    static final List<Column> COLUMNS = columns();

    /** Each copy with the day it was entered and the day it left the collection, if it has. */
    private static final String COPIES = """
            with copies as (
                select c.barcode, c.doc_type, c.price, c.intake_id, c.status, c.withdrawal_decision_no, c.withdrawal_reason,
                       c.loss_note, coalesce(c.acquired_on, i.received_on) as entered_on,
                       case c.status when 'WITHDRAWN' then c.withdrawn_on when 'LOST' then c.lost_on end as left_on
                from qs_copy c
                left join qs_intake i on i.school_id = c.school_id and i.intake_id = c.intake_id
                where c.school_id = :school)
            """;

    private static final String INTAKES = """
            select i.intake_id, i.received_on, i.document_no, i.source, c.doc_type, count(c.barcode) as copies,
                   coalesce(sum(c.price), 0) as value
            from qs_intake i
            left join qs_copy c on c.school_id = i.school_id and c.intake_id = i.intake_id
            where i.school_id = :school and i.received_on between :starts and :ends
            group by i.intake_id, i.received_on, i.document_no, i.source, c.doc_type
            order by i.received_on, i.intake_id""";

    private static final String ENTERED_OUTSIDE_INTAKES = COPIES + """
            select doc_type, count(*) as copies, coalesce(sum(price), 0) as value from copies
            where intake_id is null and entered_on between :starts and :ends
            group by doc_type""";

    /**
     * What left the collection in the year, by what makes a line (the decision; without one, the
     * day and the reason; for losses, the day), its reasons and its copies' document type.
     */
    private static final String DEPARTURES = COPIES + """
            select status, withdrawal_decision_no, min(left_on) as left_on, reason, doc_type, count(*) as copies,
                   coalesce(sum(price), 0) as value
            from (select *, case status when 'WITHDRAWN' then withdrawal_reason else loss_note end as reason,
                         case when withdrawal_decision_no is null then left_on end as day_of_line
                  from copies where left_on between :starts and :ends) as departed
            group by status, withdrawal_decision_no, day_of_line, reason, doc_type
            order by min(left_on), withdrawal_decision_no, reason""";

    private static final String TOTALS = COPIES + """
            select doc_type,
                   count(*) filter (where held_at_start) as start_copies,
                   coalesce(sum(price) filter (where held_at_start), 0) as start_value,
                   count(*) filter (where entered_in_year) as in_copies,
                   coalesce(sum(price) filter (where entered_in_year), 0) as in_value,
                   count(*) filter (where left_in_year) as out_copies,
                   coalesce(sum(price) filter (where left_in_year), 0) as out_value
            from (select doc_type, price,
                         (entered_on is null or entered_on < :starts) and (left_on is null or left_on >= :starts) as held_at_start,
                         entered_on between :starts and :ends as entered_in_year,
                         left_on between :starts and :ends as left_in_year
                  from copies
                  where entered_on is null or entered_on <= :ends) as judged
            group by doc_type""";

    private final JdbcClient jdbc;

    GeneralRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void write(String school, YearDates year, TableWriter table) throws IOException {
        part(table, "Phần I. Tổng số sách nhập vào thư viện trong năm");
        int number = 0;
        for (Line line : intakes(school, year)) {
            table.row(line.cells(++number));
        }
        part(table, "Phần II. Tổng số sách xuất khỏi thư viện trong năm");
        number = 0;
        for (Line line : departures(school, year)) {
            table.row(line.cells(++number));
        }
        part(table, "Phần III. Tổng số sách của thư viện đến cuối năm học " + year.schoolYear());
        for (Line line : totals(school, year)) {
            table.row(line.cells(null));
        }
    }

    List<Line> intakes(String school, YearDates year) {
        Map<Object, Line> lines = new LinkedHashMap<>();
        jdbc.sql(INTAKES).param("school", school).param("starts", year.startsOn()).param("ends", year.endsOn())
                .query(rs -> {
                    Line line = lines.get(rs.getObject("intake_id"));
                    if (line == null) {
                        line = new Line(Sql.date(rs, "received_on"), rs.getString("document_no"),
                                DocumentWords.source(AcquisitionSource.valueOf(rs.getString("source"))));
                        lines.put(rs.getObject("intake_id"), line);
                    }
                    line.add(rs);
                });
        Line outside = new Line(null, null, "Vào sổ không theo đợt nhập");
        jdbc.sql(ENTERED_OUTSIDE_INTAKES).param("school", school).param("starts", year.startsOn()).param("ends", year.endsOn())
                .query((RowCallbackHandler) outside::add);
        List<Line> all = new ArrayList<>(lines.values());
        if (outside.copies() > 0) {
            all.add(outside);
        }
        return all;
    }

    List<Line> departures(String school, YearDates year) {
        Map<List<Object>, Line> lines = new LinkedHashMap<>();
        jdbc.sql(DEPARTURES).param("school", school).param("starts", year.startsOn()).param("ends", year.endsOn())
                .query(rs -> {
                    boolean lost = "LOST".equals(rs.getString("status"));
                    String decision = lost ? null : rs.getString("withdrawal_decision_no");
                    String reason = rs.getString("reason");
                    LocalDate day = Sql.date(rs, "left_on");
                    List<Object> key = lost ? Arrays.asList("LOST", day)
                            : decision != null ? Arrays.asList("DECISION", decision) : Arrays.asList("WITHDRAWN", day, reason);
                    Line line = lines.computeIfAbsent(key, k -> new Line(day, decision, lost ? "Mất" : "Thanh lý"));
                    line.because(reason);
                    line.add(rs);
                });
        return new ArrayList<>(lines.values());
    }

    List<Line> totals(String school, YearDates year) {
        Line start = new Line(null, null, "Tồn đầu năm học");
        Line in = new Line(null, null, "Nhập trong năm học");
        Line out = new Line(null, null, "Xuất trong năm học");
        Line end = new Line(null, null, "Tồn cuối năm học");
        jdbc.sql(TOTALS).param("school", school).param("starts", year.startsOn()).param("ends", year.endsOn())
                .query(rs -> {
                    DocType type = DocType.valueOf(rs.getString("doc_type"));
                    start.add(type, rs.getLong("start_copies"), rs.getBigDecimal("start_value"));
                    in.add(type, rs.getLong("in_copies"), rs.getBigDecimal("in_value"));
                    out.add(type, rs.getLong("out_copies"), rs.getBigDecimal("out_value"));
                    end.add(type, rs.getLong("start_copies") + rs.getLong("in_copies") - rs.getLong("out_copies"),
                            rs.getBigDecimal("start_value").add(rs.getBigDecimal("in_value")).subtract(rs.getBigDecimal("out_value")));
                });
        return List.of(start, in, out, end);
    }

    private static void part(TableWriter table, String title) throws IOException {
        table.row(Arrays.asList(null, null, null, title));
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>(List.of(new Column("STT", 5), new Column("Ngày", 12),
                new Column("Số chứng từ / quyết định", 14), new Column("Nguồn nhập / lý do xuất", 24)));
        TYPES.forEach(type -> columns.add(new Column(DocumentWords.docType(type), 10)));
        columns.add(new Column("Tổng số bản", 9));
        columns.add(new Column("Giá trị (đồng)", 13));
        return List.copyOf(columns);
    }

    /** One line of a part: what it is, its copies by document type, and their value. */
    static final class Line {

        private final LocalDate day;
        private final String document;
        private final String what;
        private final Set<String> reasons = new TreeSet<>();
        private final Map<DocType, Long> byType = new EnumMap<>(DocType.class);
        private BigDecimal value = BigDecimal.ZERO;

        Line(LocalDate day, String document, String what) {
            this.day = day;
            this.document = document;
            this.what = what;
        }

        /** A reason written after what the line is: "Thanh lý: Lạc hậu; Rách nát". */
        void because(String reason) {
            if (reason != null && !reason.isBlank()) {
                reasons.add(reason.strip());
            }
        }

        /** A row of counts for one document type ({@code doc_type} null for an intake without copies yet). */
        void add(ResultSet rs) throws SQLException {
            String type = rs.getString("doc_type");
            if (type != null) {
                add(DocType.valueOf(type), rs.getLong("copies"), rs.getBigDecimal("value"));
            }
        }

        void add(DocType type, long copies, BigDecimal worth) {
            byType.merge(type, copies, Long::sum);
            value = value.add(worth);
        }

        long copies() {
            return byType.values().stream().mapToLong(Long::longValue).sum();
        }

        List<Object> cells(Integer number) {
            List<Object> cells = new ArrayList<>(Arrays.asList(number, day, document,
                    IndividualRegister.reason(what, String.join("; ", reasons))));
            TYPES.forEach(type -> cells.add(byType.getOrDefault(type, 0L)));
            cells.add(copies());
            cells.add(IndividualRegister.amount(value));
            return cells;
        }
    }
}
