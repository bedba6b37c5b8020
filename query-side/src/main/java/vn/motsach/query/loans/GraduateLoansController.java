package vn.motsach.query.loans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.SchoolDates;

/**
 * The graduating grades' students who still hold books, read from the loans and patrons
 * projections: before the rollover (the page's plan) and after it (books returned since drop
 * off). The rollover is never refused for them: their loans stay open, as the contract says.
 */
@Tag(name = "circulation", description = "Lưu thông: mượn, trả, gia hạn, đặt trước")
@RestController
class GraduateLoansController {

    /**
     * A student is a graduate of {@code :year}'s grades {@code :grades} when their last class of
     * that year (the membership of the year begun last) is one of those: before the rollover they
     * are in it today, after it they left from it, graduated. Their class of that year, not their
     * latest: a graduating student already put in a class of the next year (a roster imported early)
     * is still the year's graduate. A student who left for another reason (moved school) is not.
     * Without grades (after the rollover, which keeps no list of them), the year's graduates are the
     * students whose last class of that year is one they left graduated.
     */
    private static final String GRADUATES_LOANS = """
            with latest as (
                select distinct on (m.patron_id) m.patron_id, m.class_id
                from qs_patron_membership m
                join qs_class y on y.school_id = m.school_id and y.class_id = m.class_id and y.school_year = :year
                where m.school_id = :school
                order by m.patron_id, m.valid_from desc, m.position desc)
            select p.patron_id, p.full_name, c.class_id, c.name as class_name, l.loan_id, l.barcode,
                   coalesce(t.title, l.title) as shown_title, l.due_on,
                   (l.due_on < :today or l.overdue_since is not null) as overdue
            from latest
            join qs_class c on c.school_id = :school and c.class_id = latest.class_id
                           and c.school_year = :year
            join qs_patron p on p.school_id = :school and p.patron_id = latest.patron_id and p.category = 'STUDENT'
            join qs_loan l on l.school_id = :school and l.patron_id = p.patron_id and l.returned_at is null
            left join qs_catalogue_title t on t.school_id = coalesce(l.owner_school_id, l.school_id) and t.title_id = l.title_id
            left join lateral (select d.kind, d.reason from qs_patron_departure d
                               where d.school_id = p.school_id and d.patron_id = p.patron_id
                               order by d.on_date desc, d.position desc limit 1) d on true
            where case when cast(:grades as integer[]) is null then d.kind = 'LEFT' and d.reason = 'GRADUATED'
                       else c.grade = any(:grades) and (d.kind is distinct from 'LEFT' or d.reason = 'GRADUATED') end
            order by c.grade, qs_fold(c.name), c.class_id, qs_fold(substring(p.full_name from '([^ ]+)$')), qs_fold(p.full_name),
                     p.patron_id, l.due_on, l.barcode""";

    private final JdbcClient jdbc;
    private final Clock clock;

    GraduateLoansController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Operation(summary = "Học sinh các khối ra trường còn giữ sách (Graduating students who still hold books)",
            description = "Học sinh có lớp cuối cùng thuộc các khối grades của năm học, chưa chuyển trường, còn lượt mượn đang mở: "
                    + "trước khi lên lớp là học sinh sắp ra trường. Không nêu grades: học sinh của năm học đã ra trường (tốt nghiệp) khi lên lớp. "
                    + "Sách đã trả không còn trong danh sách.")
    @GetMapping("/api/v1/schools/{schoolId}/school-years/{schoolYear}/graduates/open-loans")
    GraduateLoansView graduatesHoldingBooks(GraduatesAsked asked) {
        List<Row> rows = jdbc.sql(GRADUATES_LOANS)
                .param("school", asked.schoolId())
                .param("year", asked.schoolYear())
                .param("grades", asked.grades() == null ? null : asked.grades().toArray(Integer[]::new))
                .param("today", SchoolDates.today(clock))
                .query((rs, row) -> new Row(new GraduateLoansView.Graduate(rs.getString("patron_id"), rs.getString("full_name"),
                        rs.getString("class_id"), rs.getString("class_name"), List.of()),
                        new GraduateLoansView.HeldCopy(rs.getObject("loan_id", UUID.class), rs.getString("barcode"),
                                rs.getString("shown_title"), rs.getObject("due_on", LocalDate.class), rs.getBoolean("overdue"))))
                .list();
        // rows come ordered by student: each student's loans gathered under them, in that order
        Map<GraduateLoansView.Graduate, List<GraduateLoansView.HeldCopy>> byStudent = rows.stream().collect(
                Collectors.groupingBy(Row::graduate, LinkedHashMap::new, Collectors.mapping(Row::loan, Collectors.toList())));
        List<GraduateLoansView.Graduate> graduates = byStudent.entrySet().stream()
                .map(held -> held.getKey().holding(held.getValue())).toList();
        return new GraduateLoansView(asked.schoolYear(), asked.grades(), graduates.size(), graduates);
    }

    private record Row(GraduateLoansView.Graduate graduate, GraduateLoansView.HeldCopy loan) {
    }

    /**
     * {@code grades}: the graduating grades, comma-separated (9, or 5,9), as the rollover plan names
     * them; none: the students the year's rollover graduated.
     */
    record GraduatesAsked(String schoolId, String schoolYear, @Nullable List<Integer> grades) implements CheckedRequest {

        GraduatesAsked(RequestValues in) {
            this(PathIds.school(in), PathIds.schoolYear(in), grades(in));
        }

        private static @Nullable List<Integer> grades(RequestValues in) {
            String text = in.value("grades");
            if (text == null || text.isBlank()) {
                return null;
            }
            List<Integer> grades = new ArrayList<>();
            for (String part : text.split(",")) {
                String grade = part.strip();
                if (!grade.matches("[0-9]{1,9}")) {
                    in.check().problem("grades", "invalid", text);
                    return List.of();
                }
                if (Integer.parseInt(grade) > 12) {
                    in.check().problem("grades", "range", 0, 12);
                    return List.of();
                }
                grades.add(Integer.parseInt(grade));
            }
            return List.copyOf(grades);
        }
    }
}
