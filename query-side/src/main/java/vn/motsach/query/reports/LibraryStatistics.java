package vn.motsach.query.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.DocType;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.documents.DocumentWords;
import vn.motsach.query.reports.StatisticsView.Group;
import vn.motsach.query.reports.StatisticsView.Holdings;
import vn.motsach.query.reports.StatisticsView.Loans;
import vn.motsach.query.reports.StatisticsView.Readers;
import vn.motsach.query.setup.SchoolYears.YearDates;
import vn.motsach.query.web.Sql;

/** Counts a school year's statistics from the projections of the catalogue, loans, patrons and reading. */
@Component
class LibraryStatistics {

    /** The main classes of the Dewey classification, by the first digit of a title's classification. */
    private static final Map<String, String> MAIN_CLASSES = Map.of("0", "Tổng quát", "1", "Triết học, tâm lý học",
            "2", "Tôn giáo", "3", "Khoa học xã hội", "4", "Ngôn ngữ", "5", "Khoa học tự nhiên, toán học", "6", "Công nghệ",
            "7", "Nghệ thuật, vui chơi giải trí", "8", "Văn học", "9", "Lịch sử, địa lý");
    private static final Map<String, String> LANGUAGES = Map.of("vie", "Tiếng Việt", "eng", "Tiếng Anh", "fra", "Tiếng Pháp",
            "rus", "Tiếng Nga", "chi", "Tiếng Trung", "zho", "Tiếng Trung", "jpn", "Tiếng Nhật", "kor", "Tiếng Hàn");

    /**
     * The copies held on {@code :on}: entered by then (or on no known day) and not withdrawn or
     * lost by then, each counted in every grouping of the set: by document type, by language, by
     * main class, and all together, with their value (the copies' prices).
     */
    static final String HELD = """
            with held as (
                select c.title_id, c.doc_type, t.language, c.price,
                       case when t.classification ~ '^[0-9]' then left(t.classification, 1) end as main_class
                from qs_copy c
                left join qs_catalogue_title t on t.school_id = c.school_id and t.title_id = c.title_id
                left join qs_intake i on i.school_id = c.school_id and i.intake_id = c.intake_id
                where c.school_id = :school
                  and (coalesce(c.acquired_on, i.received_on) is null or coalesce(c.acquired_on, i.received_on) <= :on)
                  and coalesce(case c.status when 'WITHDRAWN' then c.withdrawn_on when 'LOST' then c.lost_on end,
                               :on + 1) > :on)
            select grouping(doc_type) = 0 as by_type, grouping(language) = 0 as by_language,
                   grouping(main_class) = 0 as by_class, doc_type, language, main_class,
                   count(distinct title_id) as titles, count(*) as copies, coalesce(sum(price), 0) as value
            from held
            group by grouping sets ((doc_type), (language), (main_class), ())
            order by doc_type, language, main_class""";

    private final JdbcClient jdbc;

    LibraryStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    StatisticsView of(String school, String schoolName, YearDates year, LocalDate madeOn) {
        return new StatisticsView(school, schoolName, year.schoolYear(), year.startsOn(), year.endsOn(), madeOn,
                holdings(school, year.endsOn()), loans(school, year), readers(school, year));
    }

    Holdings holdings(String school, LocalDate on) {
        List<Group> byType = new ArrayList<>();
        List<Group> byLanguage = new ArrayList<>();
        List<Group> byClass = new ArrayList<>();
        long[] all = new long[2];
        jdbc.sql(HELD).param("school", school).param("on", on).query(rs -> {
            long titles = rs.getLong("titles");
            long copies = rs.getLong("copies");
            if (rs.getBoolean("by_type")) {
                String type = rs.getString("doc_type");
                byType.add(new Group(type, DocumentWords.docType(DocType.valueOf(type)), titles, copies));
            } else if (rs.getBoolean("by_language")) {
                String language = rs.getString("language");
                byLanguage.add(new Group(language, language == null ? "Không ghi ngôn ngữ"
                        : LANGUAGES.getOrDefault(language, language), titles, copies));
            } else if (rs.getBoolean("by_class")) {
                String mainClass = rs.getString("main_class");
                byClass.add(new Group(mainClass, mainClass == null ? "Chưa phân loại" : mainClass + " – " + MAIN_CLASSES.get(mainClass),
                        titles, copies));
            } else {
                all[0] = titles;
                all[1] = copies;
            }
        });
        return new Holdings(all[0], all[1], byType, byLanguage, byClass);
    }

    private Loans loans(String school, YearDates year) {
        return jdbc.sql("""
                        select count(*) as loans, count(*) filter (where l.patron_category = 'STUDENT') as students,
                               count(*) filter (where l.patron_category = 'TEACHER') as teachers,
                               count(*) filter (where l.patron_category = 'STAFF') as staff,
                               (select count(*) from qs_reading_session s where s.school_id = :school and s.place = 'LIBRARY'
                                  and s.started_at >= :from and s.started_at < :until) as in_library
                        from qs_loan l
                        where l.school_id = :school and l.borrowed_at >= :from and l.borrowed_at < :until""")
                .param("school", school)
                .param("from", Sql.timestamp(SchoolDates.startOf(year.startsOn())))
                .param("until", Sql.timestamp(SchoolDates.startOf(year.endsOn().plusDays(1))))
                .query((rs, row) -> new Loans(rs.getLong("loans"), rs.getLong("students"), rs.getLong("teachers"),
                        rs.getLong("staff"), rs.getLong("in_library")))
                .single();
    }

    /**
     * Readers the library had in the year: registered by its last day and not gone before its
     * first (their last departure before it, if any, followed by no return).
     */
    private Readers readers(String school, YearDates year) {
        return jdbc.sql("""
                        with readers as (
                            select p.category, p.registered_on >= :starts as new_reader
                            from qs_patron p
                            where p.school_id = :school and p.registered_on <= :ends
                              and coalesce((select d.kind from qs_patron_departure d
                                            where d.school_id = p.school_id and d.patron_id = p.patron_id and d.on_date < :starts
                                            order by d.position desc limit 1), 'REJOINED') <> 'LEFT')
                        select count(*) as registered, count(*) filter (where category = 'STUDENT') as students,
                               count(*) filter (where category = 'TEACHER') as teachers,
                               count(*) filter (where category = 'STAFF') as staff,
                               count(*) filter (where new_reader) as new_readers,
                               (select count(*) from qs_reading_session s where s.school_id = :school and s.place = 'LIBRARY'
                                  and s.started_at >= :from and s.started_at < :until) as sessions,
                               (select coalesce(sum(cardinality(lp.attendee_ids)), 0) from qs_library_period lp
                                where lp.school_id = :school and lp.held_on between :starts and :ends) as attendances
                        from readers""")
                .param("school", school).param("starts", year.startsOn()).param("ends", year.endsOn())
                .param("from", Sql.timestamp(SchoolDates.startOf(year.startsOn())))
                .param("until", Sql.timestamp(SchoolDates.startOf(year.endsOn().plusDays(1))))
                .query((rs, row) -> new Readers(rs.getLong("registered"), rs.getLong("students"), rs.getLong("teachers"),
                        rs.getLong("staff"), rs.getLong("new_readers"), rs.getLong("sessions") + rs.getLong("attendances"),
                        rs.getLong("sessions"), rs.getLong("attendances")))
                .single();
    }
}
