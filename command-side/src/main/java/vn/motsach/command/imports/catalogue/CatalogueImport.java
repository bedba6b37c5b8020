package vn.motsach.command.imports.catalogue;

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
import vn.motsach.command.imports.ReadingWarnings;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.WorkbookLimits;
import vn.motsach.infra.time.IdGenerator;

/** The catalogue's import: titles and their copies, from MARC 21 or from a catalogue workbook. */
@Component
class CatalogueImport implements ImportProcess<CatalogueRecord> {

    private final TitleMatches matches;
    private final IdGenerator ids;
    private final Clock clock;
    private final WorkbookLimits limits;

    CatalogueImport(TitleMatches matches, IdGenerator ids, Clock clock, WorkbookLimits limits) {
        this.matches = matches;
        this.ids = ids;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CATALOGUE;
    }

    @Override
    public void read(ImportFormat format, InputStream in, Consumer<SourceRecord<CatalogueRecord>> each) {
        switch (format) {
            case MARC21 -> MarcCatalogue.read(false, in, each);
            case MARCXML -> MarcCatalogue.read(true, in, each);
            case XLSX, CSV -> CatalogueWorkbook.read(format, in, limits.maxRows(), each);
        }
    }

    /** A MARC file counted without the mapping: its records are parsed and decoded, which is what can fail. */
    @Override
    public int count(ImportFormat format, InputStream in, Runnable eachRecord) {
        return switch (format) {
            case MARC21 -> MarcCatalogue.count(false, in, eachRecord);
            case MARCXML -> MarcCatalogue.count(true, in, eachRecord);
            default -> ImportProcess.super.count(format, in, eachRecord);
        };
    }

    /**
     * A copy is on one record of a file: a later record naming one of its barcodes again is
     * rejected, whether it describes the same title or another (a record repeating a barcode
     * within itself names one copy).
     */
    @Override
    public List<Claim> claims(CatalogueRecord record) {
        return record.copies().stream().map(CatalogueRecord.CopyEntry::barcode)
                .filter(barcode -> barcode != null && !barcode.isBlank()).map(String::strip).distinct()
                .map(barcode -> new Claim("barcode", barcode, "BARCODE_REPEATED_IN_FILE")).toList();
    }

    @Override
    public Optional<String> fieldLabel(ImportFormat format, String field, boolean english) {
        return CatalogueColumns.label(field, format == ImportFormat.MARC21 || format == ImportFormat.MARCXML, english);
    }

    @Override
    public Applier<CatalogueRecord> applier(ImportJob job) {
        return ReadingWarnings.reported(new CatalogueApplier(job, matches, ids::newId, LocalDate.now(clock)));
    }
}
