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
import vn.motsach.command.imports.roster.RosterColumns.PatronRow;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.command.school.SchoolLookups;

/** The patrons' import: students, teachers and staff from a roster workbook, each with their class. */
@Component
class PatronImport implements ImportProcess<PatronRow> {

    private final PatronLookups lookups;
    private final SchoolLookups schools;
    private final WorkbookLimits limits;
    private final Clock clock;

    PatronImport(PatronLookups lookups, SchoolLookups schools, Clock clock, WorkbookLimits limits) {
        this.lookups = lookups;
        this.schools = schools;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PATRONS;
    }

    @Override
    public void read(ImportFormat format, InputStream in, Consumer<SourceRecord<PatronRow>> each) {
        WorkbookRows.read(format, in, RosterColumns.PATRONS, limits.maxRows(), each);
    }

    /** One row per patron: a second row naming the same Mã bạn đọc is rejected. */
    @Override
    public List<Claim> claims(PatronRow row) {
        return row.patronId() == null ? List.of() : List.of(new Claim("patronId", row.patronId(), "PATRON_REPEATED_IN_FILE"));
    }

    @Override
    public Optional<String> fieldLabel(ImportFormat format, String field, boolean english) {
        return RosterColumns.patronLabel(field, english);
    }

    @Override
    public Applier<PatronRow> applier(ImportJob job) {
        LocalDate today = LocalDate.now(clock);
        return new PatronApplier(job, lookups, new EndedYears(schools, job.schoolId(), today), today);
    }
}
