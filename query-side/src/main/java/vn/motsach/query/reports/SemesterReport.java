package vn.motsach.query.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.DocType;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.Semester;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;
import vn.motsach.events.reading.ReadingTargetSet;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.documents.DocumentWords;
import vn.motsach.query.reports.ReadingActivity.Figures;
import vn.motsach.query.reports.ReadingActivity.SchoolClass;
import vn.motsach.query.reports.ReadingActivity.Window;
import vn.motsach.query.reports.SemesterReportView.ClassCount;
import vn.motsach.query.reports.SemesterReportView.ClassPeriods;
import vn.motsach.query.reports.SemesterReportView.ClassReaders;
import vn.motsach.query.reports.SemesterReportView.EventLine;
import vn.motsach.query.reports.SemesterReportView.Holdings;
import vn.motsach.query.reports.SemesterReportView.Intake;
import vn.motsach.query.reports.SemesterReportView.LibraryPeriods;
import vn.motsach.query.reports.SemesterReportView.Loans;
import vn.motsach.query.reports.SemesterReportView.ReadingEvents;
import vn.motsach.query.reports.SemesterReportView.Readers;
import vn.motsach.query.reports.SemesterReportView.TargetLine;
import vn.motsach.query.reports.SemesterReportView.TargetStatus;
import vn.motsach.query.reports.SemesterReportView.TypeCount;
import vn.motsach.query.reports.SemesterReportView.TypeHoldings;
import vn.motsach.query.setup.SchoolYears.YearDates;
import vn.motsach.query.web.Sql;

/** Counts a semester's activity report from the projections of the catalogue, loans, patrons, reading and targets. */
@Component
class SemesterReport {

    static final String NO_CLASS = "Không thuộc lớp (giáo viên, nhân viên)";

    private final JdbcClient jdbc;
    private final ReadingActivity activity;

    SemesterReport(JdbcClient jdbc, ReadingActivity activity) {
        this.jdbc = jdbc;
        this.activity = activity;
    }

    SemesterReportView of(String school, String schoolName, YearDates year, Semester semester, LocalDate today) {
        Window window = activity.of(school, year.schoolYear(), semester.startsOn(), semester.endsOn());
        return new SemesterReportView(school, schoolName, year.schoolYear(), semester.number(), semester.startsOn(),
                semester.endsOn(), today, holdings(school, semester.endsOn()), intake(school, semester), loans(school, semester, window),
                readers(window), periods(window), events(school, semester), targets(school, year, semester, window, today));
    }

    private Holdings holdings(String school, LocalDate on) {
        List<TypeHoldings> byType = new ArrayList<>();
        TypeHoldings[] all = {new TypeHoldings(null, null, 0, 0, BigDecimal.ZERO)};
        jdbc.sql(LibraryStatistics.HELD).param("school", school).param("on", on).query(rs -> {
            if (rs.getBoolean("by_type")) {
                String type = rs.getString("doc_type");
                byType.add(new TypeHoldings(type, DocumentWords.docType(DocType.valueOf(type)), rs.getLong("titles"),
                        rs.getLong("copies"), money(rs.getBigDecimal("value"))));
            } else if (!rs.getBoolean("by_language") && !rs.getBoolean("by_class")) {
                all[0] = new TypeHoldings(null, null, rs.getLong("titles"), rs.getLong("copies"), money(rs.getBigDecimal("value")));
            }
        });
        return new Holdings(all[0].titles(), all[0].copies(), all[0].value(), byType);
    }

    /** The copies entered in the register on a day of the semester, by their own date or their intake's. */
    private Intake intake(String school, Semester semester) {
        List<TypeHoldings> byType = new ArrayList<>();
        long[] copies = new long[1];
        BigDecimal[] value = {BigDecimal.ZERO};
        jdbc.sql("""
                        select c.doc_type, count(distinct c.title_id) as titles, count(*) as copies,
                               coalesce(sum(c.price), 0) as value
                        from qs_copy c
                        left join qs_intake i on i.school_id = c.school_id and i.intake_id = c.intake_id
                        where c.school_id = :school and coalesce(c.acquired_on, i.received_on) between :from and :to
                        group by c.doc_type order by c.doc_type""")
                .param("school", school).param("from", semester.startsOn()).param("to", semester.endsOn())
                .query(rs -> {
                    String type = rs.getString("doc_type");
                    BigDecimal typeValue = money(rs.getBigDecimal("value"));
                    byType.add(new TypeHoldings(type, DocumentWords.docType(DocType.valueOf(type)), rs.getLong("titles"),
                            rs.getLong("copies"), typeValue));
                    copies[0] += rs.getLong("copies");
                    value[0] = value[0].add(typeValue);
                });
        long intakes = jdbc.sql("select count(*) from qs_intake where school_id = :school and received_on between :from and :to")
                .param("school", school).param("from", semester.startsOn()).param("to", semester.endsOn())
                .query(Long.class).single();
        return new Intake(intakes, copies[0], value[0], byType);
    }

    private Loans loans(String school, Semester semester, Window window) {
        List<ClassCount> byClass = new ArrayList<>();
        List<TypeCount> byType = new ArrayList<>();
        long[] total = new long[1];
        jdbc.sql("""
                        select grouping(l.class_id) = 0 as by_class, grouping(l.doc_type) = 0 as by_type, l.class_id,
                               l.doc_type, count(*) as loans
                        from qs_loan l
                        where l.school_id = :school and l.borrowed_at >= :since and l.borrowed_at < :until
                        group by grouping sets ((l.class_id), (l.doc_type), ())
                        order by l.doc_type""")
                .param("school", school)
                .param("since", Sql.timestamp(SchoolDates.startOf(semester.startsOn())))
                .param("until", Sql.timestamp(SchoolDates.startOf(semester.endsOn().plusDays(1))))
                .query(rs -> {
                    long loans = rs.getLong("loans");
                    if (rs.getBoolean("by_class")) {
                        String classId = rs.getString("class_id");
                        byClass.add(new ClassCount(classId, classId == null ? NO_CLASS : nameOf(window, classId), loans));
                    } else if (rs.getBoolean("by_type")) {
                        String type = rs.getString("doc_type");
                        byType.add(new TypeCount(type, type == null ? "Không ghi loại"
                                : DocumentWords.docType(DocType.valueOf(type)), loans));
                    } else {
                        total[0] = loans;
                    }
                });
        List<ClassCount> classes = new ArrayList<>();
        for (SchoolClass schoolClass : window.classes()) {
            classes.add(byClass.stream().filter(c -> schoolClass.classId().equals(c.classId())).findFirst()
                    .orElse(new ClassCount(schoolClass.classId(), schoolClass.name(), 0)));
        }
        byClass.stream().filter(c -> c.classId() == null || classes.stream().noneMatch(k -> c.classId().equals(k.classId())))
                .forEach(classes::add);
        return new Loans(total[0], classes, byType);
    }

    private static String nameOf(Window window, String classId) {
        return window.classes().stream().filter(c -> c.classId().equals(classId)).map(SchoolClass::name).findFirst()
                .orElse(classId);
    }

    private Readers readers(Window window) {
        List<ClassReaders> byClass = new ArrayList<>();
        for (SchoolClass schoolClass : window.classes()) {
            Figures figures = window.of(schoolClass.classId()::equals);
            byClass.add(new ClassReaders(schoolClass.classId(), schoolClass.name(), figures.students(), figures.borrowers(),
                    ratio(figures.borrowers(), figures.students()), figures.activeReaders(),
                    ratio(figures.activeReaders(), figures.students())));
        }
        Figures school = window.of(classId -> true);
        return new Readers(school.students(), school.borrowers(), ratio(school.borrowers(), school.students()),
                school.activeReaders(), ratio(school.activeReaders(), school.students()), byClass);
    }

    private static LibraryPeriods periods(Window window) {
        List<ClassPeriods> byClass = window.classes().stream()
                .map(c -> new ClassPeriods(c.classId(), c.name(), c.periods(), c.attendances(), c.seats(),
                        ratio(c.attendances(), c.seats())))
                .toList();
        return new LibraryPeriods(byClass.stream().mapToLong(ClassPeriods::held).sum(),
                byClass.stream().mapToLong(ClassPeriods::attendances).sum(), byClass.stream().mapToLong(ClassPeriods::seats).sum(),
                byClass);
    }

    /** Reading events begun in the semester, as the Circular 16 evaluation counts the activities held. */
    private ReadingEvents events(String school, Semester semester) {
        List<EventLine> events = jdbc.sql("""
                        select e.event_id, e.name, e.kind, e.starts_on, e.ends_on, cardinality(e.class_ids) as classes,
                               (select count(*) from qs_reading_event_participant p
                                where p.school_id = e.school_id and p.event_id = e.event_id) as participants
                        from qs_reading_event e
                        where e.school_id = :school and e.starts_on between :from and :to
                        order by e.starts_on, e.name""")
                .param("school", school).param("from", semester.startsOn()).param("to", semester.endsOn())
                .query((rs, row) -> new EventLine(Sql.uuid(rs, "event_id"), rs.getString("name"), rs.getString("kind"),
                        Sql.date(rs, "starts_on"), Sql.date(rs, "ends_on"), rs.getInt("classes"), rs.getLong("participants")))
                .list();
        long participants = jdbc.sql("""
                        select count(distinct p.patron_id) from qs_reading_event_participant p
                        join qs_reading_event e on e.school_id = p.school_id and e.event_id = p.event_id
                        where p.school_id = :school and e.starts_on between :from and :to""")
                .param("school", school).param("from", semester.startsOn()).param("to", semester.endsOn())
                .query(Long.class).single();
        return new ReadingEvents(events.size(), participants, events);
    }

    /**
     * The targets of the semester and of the school year: a semester's over the semester, a
     * year's over the year until the semester's end, the progress the year has made by then.
     */
    private List<TargetLine> targets(String school, YearDates year, Semester semester, Window ofSemester, LocalDate today) {
        List<Target> targets = jdbc.sql("""
                        select target_id, metric, scope, scope_id, period, threshold from qs_reading_target
                        where school_id = :school and period in ('SEMESTER', 'SCHOOL_YEAR')
                        order by case period when 'SEMESTER' then 0 else 1 end, target_id""")
                .param("school", school)
                .query((rs, row) -> new Target(rs.getString("target_id"), TargetMetric.valueOf(rs.getString("metric")),
                        TargetScope.valueOf(rs.getString("scope")), rs.getString("scope_id"),
                        MetricPeriod.valueOf(rs.getString("period")), ReadingTargetSet.canonical(rs.getBigDecimal("threshold"))))
                .list();
        Window ofYear = null;
        List<TargetLine> lines = new ArrayList<>();
        for (Target target : targets) {
            Window window = ofSemester;
            LocalDate periodEnds = semester.endsOn();
            if (target.period() == MetricPeriod.SCHOOL_YEAR) {
                if (ofYear == null) {
                    ofYear = activity.of(school, year.schoolYear(), year.startsOn(), semester.endsOn());
                }
                window = ofYear;
                periodEnds = year.endsOn();
            }
            BigDecimal value = value(target, window.of(scope(target, window)));
            BigDecimal progress = target.threshold().signum() == 0 ? BigDecimal.ONE
                    : value.divide(target.threshold(), 4, RoundingMode.HALF_UP);
            TargetStatus status = value.compareTo(target.threshold()) >= 0 ? TargetStatus.MET
                    : today.isAfter(periodEnds) ? TargetStatus.NOT_MET : TargetStatus.IN_PROGRESS;
            lines.add(new TargetLine(target.targetId(), target.metric(), target.scope(), target.scopeId(), target.period(),
                    window.from(), window.to(), ReadingTargetSet.canonical(value), target.threshold(),
                    ReadingTargetSet.canonical(progress), status));
        }
        return lines;
    }

    private static Predicate<String> scope(Target target, Window window) {
        return switch (target.scope()) {
            case SCHOOL -> classId -> true;
            case CLASS -> classId -> Objects.equals(classId, target.scopeId());
            case GRADE -> window.inGrade(gradeOf(target.scopeId()));
        };
    }

    /** A target's value as analytics' {@code TargetProgress} computes it from the same figures. */
    private static BigDecimal value(Target target, Figures figures) {
        return switch (target.metric()) {
            case LOANS_PER_STUDENT -> ratio(figures.loans(), figures.students());
            case ACTIVE_READER_RATE -> ratio(figures.activeReaders(), figures.students());
            case READING_MINUTES_PER_STUDENT -> ratio(figures.readingMinutes(), figures.students());
            case SELF_REPORTED_READING_MINUTES_PER_STUDENT -> ratio(figures.selfReportedReadingMinutes(), figures.students());
            case LIBRARY_PERIODS_PER_CLASS -> ratio(figures.libraryPeriods(), figures.classes());
        };
    }

    private static int gradeOf(String scopeId) {
        try {
            return Integer.parseInt(scopeId);
        } catch (NumberFormatException e) {
            return -1; // no class is in a grade that is not a number
        }
    }

    /** Rounded to four places, without trailing zeros; 0 when there is nothing to divide by. */
    static BigDecimal ratio(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        return ReadingTargetSet.canonical(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP));
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : ReadingTargetSet.canonical(value);
    }

    private record Target(String targetId, TargetMetric metric, TargetScope scope, String scopeId, MetricPeriod period,
            BigDecimal threshold) {
    }
}
