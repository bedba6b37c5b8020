package vn.motsach.command.imports.roster;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.motsach.command.imports.ImportFormat;
import vn.motsach.command.imports.ImportJob;
import vn.motsach.command.imports.ImportKind;
import vn.motsach.command.imports.ImportProcess;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.WorkbookLimits;
import vn.motsach.command.imports.WorkbookRows;
import vn.motsach.command.imports.roster.RosterColumns.ClassRow;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.command.school.SchoolLookups;

/** The classes' import: the classes of a school year from a workbook. */
@Component
class ClassImport implements ImportProcess<ClassRow> {

    private final PatronLookups lookups;
    private final SchoolLookups schools;
    private final WorkbookLimits limits;
    private final Clock clock;

    ClassImport(PatronLookups lookups, SchoolLookups schools, WorkbookLimits limits, Clock clock) {
        this.lookups = lookups;
        this.schools = schools;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CLASSES;
    }

    @Override
    public void read(ImportFormat format, InputStream in, Consumer<SourceRecord<ClassRow>> each) {
        WorkbookRows.read(format, in, RosterColumns.CLASSES, limits.maxRows(), each);
    }

    /** One row per class: a second row naming the same Mã lớp is rejected. */
    @Override
    public List<Claim> claims(ClassRow row) {
        return row.classId() == null ? List.of() : List.of(new Claim("classId", row.classId(), "CLASS_REPEATED_IN_FILE"));
    }

    @Override
    public Optional<String> fieldLabel(ImportFormat format, String field, boolean english) {
        return RosterColumns.classLabel(field, english);
    }

    @Override
    public Applier<ClassRow> applier(ImportJob job) {
        LocalDate today = LocalDate.now(clock);
        return new ClassApplier(job, lookups, schools.grades(job.schoolId()), new EndedYears(schools, job.schoolId(), today),
                today);
    }
}
