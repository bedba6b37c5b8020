package vn.motsach.query.registers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motsach.infra.web.DayRange;
import vn.motsach.query.documents.Column;
import vn.motsach.query.documents.TableWriter;
import vn.motsach.query.web.Sql;

/**
 * The sổ đăng ký cá biệt: one line per copy in the order the copies were entered, numbered
 * through the whole register (a line keeps its number whatever range is printed), a copy that
 * left the collection with the day and the reason on its own line. Read with a cursor and
 * written line by line, so that a register of any size never sits in memory.
 */
@Component
class IndividualRegister {

    static final List<Column> COLUMNS = List.of(new Column("STT", 6), new Column("Ngày vào sổ", 13),
            new Column("Số ĐKCB", 12), new Column("Nhan đề", 30), new Column("Tác giả", 20),
            new Column("Nơi xuất bản/Nhà xuất bản", 16), new Column("Năm xuất bản", 8), new Column("Giá (đồng)", 10),
            new Column("Môn loại", 11), new Column("Số chứng từ nhập", 11), new Column("Ngày xuất", 13),
            new Column("Lý do xuất", 22));

    /** A cursor's batch: enough to keep the database busy, small enough to be nothing in memory. */
    private static final int FETCH = 500;

    /** The day a copy was entered: its own acquisition day, else the day of the delivery it came in. */
    private static final String LINES = """
            select * from (
                select row_number() over (order by c.accession_position nulls first, c.barcode collate "C") as line,
                       coalesce(c.acquired_on, i.received_on) as entered_on, c.barcode, c.title, t.authors, t.publisher,
                       t.published_year, c.price, t.classification, i.document_no, c.status, c.withdrawn_on,
                       c.withdrawal_reason, c.withdrawal_decision_no, c.lost_on, c.loss_note
                from qs_copy c
                left join qs_catalogue_title t on t.school_id = c.school_id and t.title_id = c.title_id
                left join qs_intake i on i.school_id = c.school_id and i.intake_id = c.intake_id
                where c.school_id = :school
            ) register
            where (cast(:from as date) is null or entered_on >= :from) and (cast(:to as date) is null or entered_on <= :to)
            order by line""";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    IndividualRegister(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Writes the lines of the copies entered within {@code range} (every copy when it is open). */
    void write(String school, DayRange range, TableWriter table) {
        // a cursor is read in batches only inside a transaction
        readOnly.executeWithoutResult(status -> jdbc.sql(LINES)
                .withFetchSize(FETCH)
                .param("school", school).param("from", range.from()).param("to", range.to())
                .query(rs -> {
                    try {
                        table.row(line(rs));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    private static List<Object> line(ResultSet rs) throws SQLException {
        BigDecimal price = amount(rs.getBigDecimal("price"));
        Departure departure = departure(rs);
        return Arrays.asList(rs.getLong("line"), Sql.date(rs, "entered_on"), rs.getString("barcode"), rs.getString("title"),
                String.join("; ", Sql.strings(rs, "authors")), rs.getString("publisher"), Sql.integer(rs, "published_year"),
                price, rs.getString("classification"), rs.getString("document_no"),
                departure == null ? null : departure.on(), departure == null ? null : departure.reason());
    }

    /** How the copy left the collection, as the register writes it; {@code null} while it is in it. */
    private static Departure departure(ResultSet rs) throws SQLException {
        return switch (rs.getString("status")) {
            case "WITHDRAWN" -> new Departure(Sql.date(rs, "withdrawn_on"), reason(decided(rs.getString("withdrawal_decision_no")),
                    rs.getString("withdrawal_reason")));
            case "LOST" -> new Departure(Sql.date(rs, "lost_on"), reason("Mất", rs.getString("loss_note")));
            default -> null;
        };
    }

    /** An amount of đồng as a register writes it: 45000, not 45000.00 nor 4.5E+4. */
    static BigDecimal amount(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /** A withdrawal as the register names it: under its decision's number when it had one. */
    static String decided(String decisionNo) {
        return decisionNo == null || decisionNo.isBlank() ? "Thanh lý" : "Thanh lý theo QĐ số " + decisionNo.strip();
    }

    static String reason(String kind, String detail) {
        List<String> parts = new ArrayList<>(List.of(kind));
        if (detail != null && !detail.isBlank()) {
            parts.add(detail.strip());
        }
        return String.join(": ", parts);
    }

    private record Departure(LocalDate on, String reason) {
    }
}
