package vn.motsach.command.reading;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.motsach.command.circulation.CirculationLookups;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.command.patrons.PatronLookups.Member;
import vn.motsach.command.school.SchoolLookups;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** The school's records as reading culture asks them, answered by the features that keep them. */
@Component
class SchoolRecordsLookup implements SchoolRecords {

    private final SchoolLookups school;
    private final PatronLookups patrons;
    private final CirculationLookups catalogue;

    SchoolRecordsLookup(SchoolLookups school, PatronLookups patrons, CirculationLookups catalogue) {
        this.school = school;
        this.patrons = patrons;
        this.catalogue = catalogue;
    }

    @Override
    public Optional<String> schoolYearOn(SchoolId schoolId, LocalDate day) {
        return school.schoolYearOn(schoolId, day);
    }

    @Override
    public Optional<String> schoolYearOfClass(SchoolId schoolId, ClassId classId) {
        return patrons.schoolYearOfClass(schoolId, classId);
    }

    @Override
    public Optional<Member> memberOn(SchoolId schoolId, PatronId patron, LocalDate day) {
        return patrons.memberOn(schoolId, patron, day);
    }

    @Override
    public Set<PatronId> studentsOfClassOn(SchoolId schoolId, ClassId classId, LocalDate day) {
        return patrons.studentsOfClassOn(schoolId, classId, day);
    }

    @Override
    public boolean titleExists(SchoolId schoolId, TitleId title) {
        return catalogue.titleExists(schoolId, title);
    }
}
