package vn.motsach.query.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.web.Sql;

/**
 * What a school's students did between two days, student by student and class by class, from
 * which the report counts its readers and the progress of its targets over any group of classes.
 * The definitions are those of analytics' reading metrics ({@code Metrics}, {@code
 * StudentActivity}, {@code SchoolPeriod}), counted again here from the query side's tables
 * because analytics answers only for the period containing today, and a report covers a semester
 * that may be over: a student is enrolled in a class when a day of their membership falls in
 * the period and they had not left before it; a loan, a reading session, a library period
 * attended or a reading event joined (on its first day) makes a student an active reader; the
 * reading minutes are those the school saw, the self-reported ones apart; a class's library
 * periods count for it. A change to a definition there is a change here.
 */
@Component
class ReadingActivity {

    private final JdbcClient jdbc;

    ReadingActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The activity from {@code from} to {@code to}, both included; the school's classes of {@code schoolYear} are listed even when idle. */
    Window of(String school, String schoolYear, LocalDate from, LocalDate to) {
        List<Student> students = jdbc.sql("""
                        with roster as (
                            select m.patron_id, m.class_id
                            from (select m.patron_id, m.class_id, m.valid_from,
                                         lead(m.valid_from) over (partition by m.patron_id order by m.valid_from, m.position) as next_from
                                  from qs_patron_membership m where m.school_id = :school) m
                            join qs_patron p on p.school_id = :school and p.patron_id = m.patron_id and p.category = 'STUDENT'
                            where m.valid_from <= :to and (m.next_from is null or m.next_from > :from)
                              and coalesce((select d.kind from qs_patron_departure d
                                            where d.school_id = :school and d.patron_id = m.patron_id and d.on_date < :from
                                            order by d.on_date desc, d.position desc limit 1), 'REJOINED') <> 'LEFT'),
                        done as (
                            select patron_id, class_id, true as enrolled, 0 as loans, 0 as seen, 0 as reported, 0 as other
                            from roster
                            union all
                            select l.patron_id, l.class_id, false, 1, 0, 0, 0 from qs_loan l
                            where l.school_id = :school and l.patron_category = 'STUDENT'
                              and l.borrowed_at >= :since and l.borrowed_at < :until
                            union all
                            select s.patron_id, s.class_id, false, 0, case when s.self_reported then 0 else s.minutes end,
                                   case when s.self_reported then s.minutes else 0 end, 1
                            from qs_reading_session s
                            join qs_patron p on p.school_id = s.school_id and p.patron_id = s.patron_id and p.category = 'STUDENT'
                            where s.school_id = :school and s.started_at >= :since and s.started_at < :until
                            union all
                            select a.patron_id, lp.class_id, false, 0, 0, 0, 1
                            from qs_library_period lp cross join unnest(lp.attendee_ids) as a(patron_id)
                            where lp.school_id = :school and lp.held_on between :from and :to
                            union all
                            select rp.patron_id, rp.class_id, false, 0, 0, 0, 1
                            from qs_reading_event_participant rp
                            join qs_reading_event e on e.school_id = rp.school_id and e.event_id = rp.event_id
                            join qs_patron p on p.school_id = rp.school_id and p.patron_id = rp.patron_id and p.category = 'STUDENT'
                            where rp.school_id = :school and e.starts_on between :from and :to)
                        select patron_id, class_id, bool_or(enrolled) as enrolled, sum(loans) as loans, sum(seen) as seen,
                               sum(reported) as reported, sum(other) as other
                        from done group by patron_id, class_id""")
                .param("school", school).param("from", from).param("to", to)
                .param("since", Sql.timestamp(SchoolDates.startOf(from)))
                .param("until", Sql.timestamp(SchoolDates.startOf(to.plusDays(1))))
                .query((rs, row) -> new Student(rs.getString("patron_id"), rs.getString("class_id"), rs.getBoolean("enrolled"),
                        rs.getLong("loans"), rs.getLong("seen"), rs.getLong("reported"), rs.getLong("other")))
                .list();
        Map<String, SchoolClass> classes = new TreeMap<>();
        jdbc.sql("""
                        select c.class_id, c.name, c.grade from qs_class c
                        where c.school_id = :school and c.school_year = :year
                        union
                        select c.class_id, c.name, c.grade from qs_class c
                        where c.school_id = :school and c.class_id = any(:seen)""")
                .param("school", school).param("year", schoolYear)
                .param("seen", students.stream().map(Student::classId).filter(id -> id != null).distinct().toArray(String[]::new))
                .query(rs -> {
                    classes.put(rs.getString("class_id"), new SchoolClass(rs.getString("class_id"), rs.getString("name"),
                            rs.getInt("grade"), 0, 0, 0));
                });
        jdbc.sql("""
                        select lp.class_id, count(*) as held, coalesce(sum(cardinality(lp.attendee_ids)), 0) as attendances,
                               coalesce(sum(lp.enrolled_students), 0) as seats
                        from qs_library_period lp
                        where lp.school_id = :school and lp.held_on between :from and :to
                        group by lp.class_id""")
                .param("school", school).param("from", from).param("to", to)
                .query(rs -> {
                    String classId = rs.getString("class_id");
                    SchoolClass known = classes.getOrDefault(classId, new SchoolClass(classId, classId, -1, 0, 0, 0));
                    classes.put(classId, new SchoolClass(classId, known.name(), known.grade(), rs.getLong("held"),
                            rs.getLong("attendances"), rs.getLong("seats")));
                });
        return new Window(from, to, students, new ArrayList<>(classes.values()));
    }

    /** One student's activity under one class (or none) in the window, and whether they were enrolled in it. */
    record Student(String patronId, String classId, boolean enrolled, long loans, long seenMinutes, long reportedMinutes,
            long otherActivities) {

        boolean active() {
            return loans > 0 || otherActivities > 0;
        }
    }

    /** A class of the school with the library periods it held in the window. */
    record SchoolClass(String classId, String name, int grade, long periods, long attendances, long seats) {
    }

    /** The figures of a group of classes (a class, a grade, the school) over the window. */
    record Figures(long students, long loans, long borrowers, long activeReaders, long readingMinutes,
            long selfReportedReadingMinutes, long classes, long libraryPeriods) {
    }

    /** The activity between two days, counted for any group of classes. */
    record Window(LocalDate from, LocalDate to, List<Student> students, List<SchoolClass> classes) {

        /**
         * The figures of the classes {@code inScope} accepts; a student is counted once however
         * many of them they were in. {@code null} stands for no class: the whole school's figures
         * accept it.
         */
        Figures of(Predicate<String> inScope) {
            Set<String> enrolled = new HashSet<>();
            Set<String> borrowers = new HashSet<>();
            Set<String> active = new HashSet<>();
            long loans = 0;
            long seen = 0;
            long reported = 0;
            for (Student student : students) {
                if (!inScope.test(student.classId())) {
                    continue;
                }
                if (student.enrolled()) {
                    enrolled.add(student.patronId());
                }
                if (student.loans() > 0) {
                    borrowers.add(student.patronId());
                }
                if (student.active()) {
                    active.add(student.patronId());
                }
                loans += student.loans();
                seen += student.seenMinutes();
                reported += student.reportedMinutes();
            }
            List<SchoolClass> scoped = classes.stream().filter(c -> inScope.test(c.classId())).toList();
            return new Figures(enrolled.size(), loans, borrowers.size(), active.size(), seen, reported, scoped.size(),
                    scoped.stream().mapToLong(SchoolClass::periods).sum());
        }

        /** Whether a class is of grade {@code grade}. */
        Predicate<String> inGrade(int grade) {
            return classId -> classes.stream().anyMatch(c -> c.classId().equals(classId) && c.grade() == grade);
        }
    }
}
