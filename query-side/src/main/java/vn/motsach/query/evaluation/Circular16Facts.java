package vn.motsach.query.evaluation;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.evaluation.Circular16;
import vn.motsach.query.SchoolDates;
import vn.motsach.query.authorities.AuthorityCoverage;
import vn.motsach.query.web.Sql;

/**
 * Reads the facts of the Circular 16 evaluation for many schools at once, a fixed number of
 * statements whatever their number (an authority's report asks for hundreds), from the
 * projections that keep them. A school year with no calendar set is taken as August to July.
 */
@Component
class Circular16Facts {

    private static final Set<String> GONE = Set.of("WITHDRAWN", "LOST");

    private final JdbcClient jdbc;
    private final AuthorityCoverage coverage;
    private final JsonMapper json = JsonMapper.builder().build();

    Circular16Facts(JdbcClient jdbc, AuthorityCoverage coverage) {
        this.jdbc = jdbc;
        this.coverage = coverage;
    }

    /** The facts of each school asked that is registered, in the order asked, judged on {@code today}. */
    Map<String, SchoolFacts> of(Collection<String> schools, String schoolYear, LocalDate today) {
        Map<String, Builder> facts = new LinkedHashMap<>();
        if (schools.isEmpty()) {
            return Map.of();
        }
        int first = Integer.parseInt(SchoolYear.of(schoolYear).value().substring(0, 4));
        Map<String, Builder> found = new HashMap<>();
        jdbc.sql("""
                        select s.school_id, s.name, s.education_levels, y.starts_on, y.ends_on
                        from qs_school s left join qs_school_year y on y.school_id = s.school_id and y.school_year = :year
                        where s.school_id = any(:schools)""")
                .param("year", schoolYear)
                .param("schools", schools.toArray(String[]::new))
                .query(rs -> {
                    Builder school = new Builder(rs.getString("school_id"), rs.getString("name"), levels(rs.getArray("education_levels")),
                            schoolYear);
                    LocalDate starts = Sql.date(rs, "starts_on");
                    LocalDate ends = Sql.date(rs, "ends_on");
                    school.startsOn = starts != null ? starts : LocalDate.of(first, 8, 1);
                    school.endsOn = ends != null ? ends : LocalDate.of(first + 1, 7, 31);
                    school.asOf = today.isBefore(school.startsOn) ? school.startsOn : today.isAfter(school.endsOn) ? school.endsOn : today;
                    found.put(school.schoolId, school);
                });
        for (String school : schools) {
            if (found.containsKey(school)) {
                facts.put(school, found.get(school));
            }
        }
        if (facts.isEmpty()) {
            return Map.of();
        }
        String[] ids = facts.keySet().toArray(String[]::new);
        String[] starts = facts.values().stream().map(b -> b.startsOn.toString()).toArray(String[]::new);
        String[] ends = facts.values().stream().map(b -> b.endsOn.toString()).toArray(String[]::new);
        String[] asOfs = facts.values().stream().map(b -> b.asOf.toString()).toArray(String[]::new);
        enrolment(facts, ids, asOfs);
        copies(facts, ids);
        counts(facts, ids, starts, ends, asOfs);
        stocktakes(facts, ids, starts, ends);
        profiles(facts, ids, schoolYear);
        thresholds(facts, schoolYear);
        return facts.values().stream().collect(Collectors.toMap(b -> b.schoolId, Builder::build, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * Students by education level and teachers, on the day judged: patrons registered by then who
     * had not left, a student by the grade of their class that day (a school of one level: all of
     * them at that level; a student with no class, at the school's highest level).
     */
    private void enrolment(Map<String, Builder> facts, String[] ids, String[] asOfs) {
        jdbc.sql("""
                        with w as (select * from unnest(cast(:ids as text[]), cast(:as_ofs as date[])) as w(school_id, as_of))
                        select p.school_id, p.category, c.grade, count(*) as patrons
                        from w join qs_patron p on p.school_id = w.school_id and p.registered_on <= w.as_of
                                                 and p.category in ('STUDENT', 'TEACHER')
                        left join lateral (select d.kind from qs_patron_departure d
                                           where d.school_id = p.school_id and d.patron_id = p.patron_id and d.on_date <= w.as_of
                                           order by d.on_date desc, d.position desc limit 1) d on true
                        left join lateral (select m.class_id from qs_patron_membership m
                                           where m.school_id = p.school_id and m.patron_id = p.patron_id and m.valid_from <= w.as_of
                                           order by m.valid_from desc, m.position desc limit 1) m on true
                        left join qs_class c on c.school_id = p.school_id and c.class_id = m.class_id
                        where d.kind is distinct from 'LEFT'
                        group by p.school_id, p.category, c.grade""")
                .param("ids", ids)
                .param("as_ofs", asOfs)
                .query(rs -> {
                    Builder school = facts.get(rs.getString("school_id"));
                    int count = rs.getInt("patrons");
                    if ("TEACHER".equals(rs.getString("category"))) {
                        school.teachers += count;
                        return;
                    }
                    Integer grade = Sql.integer(rs, "grade");
                    EducationLevel level = school.levelOf(grade);
                    school.students.merge(level, count, Integer::sum);
                });
    }

    private void copies(Map<String, Builder> facts, String[] ids) {
        jdbc.sql("""
                        select c.school_id, c.doc_type, c.status, coalesce(t.classification, '') <> '' as classified,
                               count(*) as copies
                        from qs_copy c left join qs_catalogue_title t on t.school_id = c.school_id and t.title_id = c.title_id
                        where c.school_id = any(:ids)
                        group by c.school_id, c.doc_type, c.status, classified""")
                .param("ids", ids)
                .query(rs -> {
                    Builder school = facts.get(rs.getString("school_id"));
                    int count = rs.getInt("copies");
                    school.copiesRegistered += count;
                    if (GONE.contains(rs.getString("status"))) {
                        return;
                    }
                    DocType type = DocType.valueOf(rs.getString("doc_type"));
                    SchoolFacts.Copies before = school.copies.getOrDefault(type, new SchoolFacts.Copies(0, 0));
                    school.copies.put(type, new SchoolFacts.Copies(before.inCirculation() + count,
                            before.classified() + (rs.getBoolean("classified") ? count : 0)));
                });
        jdbc.sql("""
                        select school_id, max(withdrawn_on) as last_weeding from qs_copy
                        where school_id = any(:ids) and status = 'WITHDRAWN' group by school_id""")
                .param("ids", ids)
                .query(rs -> {
                    facts.get(rs.getString("school_id")).lastWeeding = Sql.date(rs, "last_weeding");
                });
        countBySchool("select school_id, count(*) from qs_catalogue_title where school_id = any(:ids) group by school_id", ids,
                facts, (school, count) -> school.titles = count);
        countBySchool("select school_id, count(*) from qs_intake where school_id = any(:ids) group by school_id", ids,
                facts, (school, count) -> school.intakes = count);
    }

    /** Loans recorded in the year, library periods held and reading events begun by the day judged. */
    private void counts(Map<String, Builder> facts, String[] ids, String[] starts, String[] ends, String[] asOfs) {
        String window = """
                with w as (select * from unnest(cast(:ids as text[]), cast(:starts as date[]), cast(:ends as date[]),
                                                cast(:as_ofs as date[])) as w(school_id, starts_on, ends_on, as_of))
                """;
        countInWindow(window + """
                        select w.school_id, count(l.loan_id) from w join qs_loan l on l.school_id = w.school_id
                          and l.borrowed_at >= cast(w.starts_on as timestamp) at time zone 'Asia/Ho_Chi_Minh'
                          and l.borrowed_at < cast(w.ends_on + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh'
                        group by w.school_id""", ids, starts, ends, asOfs, facts, (school, count) -> school.loans = count);
        countInWindow(window + """
                        select w.school_id, count(p.period_id) from w join qs_library_period p on p.school_id = w.school_id
                          and p.held_on between w.starts_on and w.as_of
                        group by w.school_id""", ids, starts, ends, asOfs, facts, (school, count) -> school.periods = count);
        countInWindow(window + """
                        select w.school_id, count(e.event_id) from w join qs_reading_event e on e.school_id = w.school_id
                          and e.starts_on between w.starts_on and w.as_of
                        group by w.school_id""", ids, starts, ends, asOfs, facts, (school, count) -> school.readingEvents = count);
        // liên thông: loans fulfilled with the school on either side, rotations it sent and received, by the day judged
        countInWindow(window + """
                        select w.school_id, count(r.request_id) from w join qs_interlibrary_loan r
                          on (r.borrowing_school_id = w.school_id or r.lending_school_id = w.school_id)
                          and r.received_at >= cast(w.starts_on as timestamp) at time zone 'Asia/Ho_Chi_Minh'
                          and r.received_at < cast(w.as_of + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh'
                        group by w.school_id""", ids, starts, ends, asOfs, facts, (school, count) -> school.loansFulfilled = count);
        String rotations = window + """
                        select w.school_id, count(r.rotation_id) from w join qs_rotation r on r.%s = w.school_id
                          and r.sent_at >= cast(w.starts_on as timestamp) at time zone 'Asia/Ho_Chi_Minh'
                          and r.sent_at < cast(w.as_of + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh'
                        group by w.school_id""";
        countInWindow(rotations.formatted("owner_school_id"), ids, starts, ends, asOfs, facts,
                (school, count) -> school.rotationsSent = count);
        countInWindow(rotations.formatted("partner_school_id"), ids, starts, ends, asOfs, facts,
                (school, count) -> school.rotationsReceived = count);
    }

    private void stocktakes(Map<String, Builder> facts, String[] ids, String[] starts, String[] ends) {
        jdbc.sql("""
                        with w as (select * from unnest(cast(:ids as text[]), cast(:starts as date[]), cast(:ends as date[]))
                                   as w(school_id, starts_on, ends_on))
                        select w.school_id, s.name, s.started_at, s.closed_at is not null as closed
                        from w join qs_stocktake s on s.school_id = w.school_id
                          and s.started_at >= cast(w.starts_on as timestamp) at time zone 'Asia/Ho_Chi_Minh'
                          and s.started_at < cast(w.ends_on + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh'
                        order by s.started_at""")
                .param("ids", ids)
                .param("starts", starts)
                .param("ends", ends)
                .query(rs -> {
                    facts.get(rs.getString("school_id")).stocktakes.add(new SchoolFacts.Stocktake(rs.getString("name"),
                            SchoolDates.dateOf(Sql.instant(rs, "started_at")), rs.getBoolean("closed")));
                });
    }

    private void profiles(Map<String, Builder> facts, String[] ids, String schoolYear) {
        Map<String, Map<String, SchoolFacts.Declared>> criteria = new HashMap<>();
        jdbc.sql("""
                        select school_id, criterion_id, met, evidence from qs_library_profile_criterion
                        where school_id = any(:ids) and school_year = :year""")
                .param("ids", ids)
                .param("year", schoolYear)
                .query(rs -> {
                    criteria.computeIfAbsent(rs.getString("school_id"), school -> new HashMap<>())
                            .put(rs.getString("criterion_id"), new SchoolFacts.Declared(rs.getBoolean("met"), Sql.strings(rs, "evidence")));
                });
        jdbc.sql("select school_id, reading_room_m2, seats from qs_library_profile where school_id = any(:ids) and school_year = :year")
                .param("ids", ids)
                .param("year", schoolYear)
                .query(rs -> {
                    String school = rs.getString("school_id");
                    facts.get(school).profile = new SchoolFacts.Profile(rs.getBigDecimal("reading_room_m2"), rs.getInt("seats"),
                            criteria.getOrDefault(school, Map.of()));
                });
    }

    /** Each school is judged by the thresholds of the nearest authority above it that set some for the year. */
    private void thresholds(Map<String, Builder> facts, String schoolYear) {
        Map<String, List<String>> above = coverage.authoritiesAbove(facts.keySet(), new SchoolYear(schoolYear));
        String[] authorities = above.values().stream().flatMap(List::stream).distinct().toArray(String[]::new);
        Map<String, Thresholds> set = new HashMap<>();
        if (authorities.length > 0) {
            jdbc.sql("""
                            select authority_id, copies_per_student_l2, copies_per_teacher_l2, activities_per_month, counted_doc_types
                            from qs_circular16_thresholds where authority_id = any(:authorities) and school_year = :year""")
                    .param("authorities", authorities)
                    .param("year", schoolYear)
                    .query(rs -> {
                        set.put(rs.getString("authority_id"), new Thresholds(rs.getString("authority_id"),
                                ratios(rs.getString("copies_per_student_l2")), ratios(rs.getString("copies_per_teacher_l2")),
                                rs.getInt("activities_per_month"),
                                Sql.strings(rs, "counted_doc_types").stream().map(DocType::valueOf).collect(Collectors.toSet())));
                    });
        }
        facts.values().forEach(school -> school.thresholds = above.getOrDefault(school.schoolId, List.of()).stream()
                .map(set::get)
                .filter(thresholds -> thresholds != null)
                .findFirst()
                .orElse(Thresholds.DEFAULTS));
    }

    private Map<EducationLevel, BigDecimal> ratios(String text) {
        Map<EducationLevel, BigDecimal> ratios = new EnumMap<>(EducationLevel.class);
        JsonNode node = json.readTree(text);
        node.properties().forEach(entry -> ratios.put(EducationLevel.valueOf(entry.getKey()), entry.getValue().decimalValue()));
        return ratios;
    }

    private void countBySchool(String sql, String[] ids, Map<String, Builder> facts, BiConsumer<Builder, Integer> set) {
        jdbc.sql(sql).param("ids", ids).query(rs -> {
            set.accept(facts.get(rs.getString(1)), rs.getInt(2));
        });
    }

    private void countInWindow(String sql, String[] ids, String[] starts, String[] ends, String[] asOfs,
            Map<String, Builder> facts, BiConsumer<Builder, Integer> set) {
        jdbc.sql(sql).param("ids", ids).param("starts", starts).param("ends", ends).param("as_ofs", asOfs).query(rs -> {
            set.accept(facts.get(rs.getString(1)), rs.getInt(2));
        });
    }

    private static List<EducationLevel> levels(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(EducationLevel::valueOf).sorted().toList();
    }

    private static final class Builder {

        final String schoolId;
        final String name;
        final List<EducationLevel> levels;
        final String schoolYear;
        LocalDate startsOn;
        LocalDate endsOn;
        LocalDate asOf;
        final Map<EducationLevel, Integer> students = new EnumMap<>(EducationLevel.class);
        int teachers;
        final Map<DocType, SchoolFacts.Copies> copies = new EnumMap<>(DocType.class);
        int copiesRegistered;
        int intakes;
        int titles;
        int loans;
        int periods;
        int readingEvents;
        int loansFulfilled;
        int rotationsSent;
        int rotationsReceived;
        final List<SchoolFacts.Stocktake> stocktakes = new ArrayList<>();
        LocalDate lastWeeding;
        SchoolFacts.Profile profile;
        Thresholds thresholds = Thresholds.DEFAULTS;

        Builder(String schoolId, String name, List<EducationLevel> levels, String schoolYear) {
            this.schoolId = schoolId;
            this.name = name;
            this.levels = levels;
            this.schoolYear = schoolYear;
        }

        EducationLevel levelOf(Integer grade) {
            EducationLevel highest = levels.get(levels.size() - 1);
            if (levels.size() == 1 || grade == null) {
                return highest;
            }
            EducationLevel byGrade = Circular16.levelOfGrade(grade);
            return levels.contains(byGrade) ? byGrade : highest;
        }

        SchoolFacts build() {
            return new SchoolFacts(schoolId, name, levels, schoolYear, startsOn, endsOn, asOf, students, teachers, copies,
                    copiesRegistered, intakes, titles, loans, periods, readingEvents, stocktakes, lastWeeding, profile, thresholds,
                    new SchoolFacts.Interop(loansFulfilled, rotationsSent, rotationsReceived));
        }
    }
}
