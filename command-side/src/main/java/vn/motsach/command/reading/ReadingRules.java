package vn.motsach.command.reading;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.motsach.command.patrons.ClassRegister;
import vn.motsach.command.patrons.PatronLookups.Member;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** The rules of reading culture, each a named function that refuses with its code. */
final class ReadingRules {

    private ReadingRules() {
    }

    static Member refuseWhenNoSuchPatron(Optional<Member> member, PatronId patron) {
        return member.orElseThrow(() -> new Refused(RefusalCode.PATRON_NOT_FOUND, patron.value()));
    }

    static void refuseWhenPatronInactive(Member member) {
        if (!member.active()) {
            throw new Refused(RefusalCode.PATRON_INACTIVE, member.patronId().value());
        }
    }

    static void refuseWhenNoSuchClass(ClassRegister classes, SchoolId school, ClassId classId) {
        if (!classes.classExists(school, classId)) {
            throw new Refused(RefusalCode.CLASS_NOT_FOUND, classId.value());
        }
    }

    static void refuseWhenNoSuchTitle(SchoolRecords records, SchoolId school, TitleId title) {
        if (title != null && !records.titleExists(school, title)) {
            throw new Refused(RefusalCode.TITLE_NOT_FOUND, title.toString());
        }
    }

    /** Reading culture is counted in school years: a day outside every one of them counts nowhere. */
    static String refuseWhenOutsideSchoolYear(SchoolRecords records, SchoolId school, LocalDate day) {
        return records.schoolYearOn(school, day).orElseThrow(() -> new Refused(RefusalCode.OUTSIDE_SCHOOL_YEAR, day));
    }

    /** A class's activities happen within the class's own school year. */
    static void refuseWhenOutsideClassYear(SchoolRecords records, SchoolId school, ClassId classId, LocalDate day) {
        String year = refuseWhenOutsideSchoolYear(records, school, day);
        if (!records.schoolYearOfClass(school, classId).map(year::equals).orElse(false)) {
            throw new Refused(RefusalCode.OUTSIDE_SCHOOL_YEAR, day);
        }
    }

    static void refuseWhenNotInClass(Collection<PatronId> outsiders) {
        if (!outsiders.isEmpty()) {
            throw new Refused(RefusalCode.NOT_IN_CLASS,
                    outsiders.stream().map(PatronId::value).sorted().collect(Collectors.joining(", ")));
        }
    }
}
