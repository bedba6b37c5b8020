package vn.motsach.command.imports.catalogue;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motsach.command.circulation.CatalogueCommandsForImports;
import vn.motsach.command.circulation.CatalogueCommandsForImports.ImportedRecord;
import vn.motsach.command.circulation.CatalogueCommandsForImports.NewCopy;
import vn.motsach.command.circulation.CatalogueCommandsForImports.OutOfCollection;
import vn.motsach.command.imports.ImportCommands;
import vn.motsach.command.imports.ImportIssue;
import vn.motsach.command.imports.ImportJob;
import vn.motsach.command.imports.ImportProcess;
import vn.motsach.command.imports.ImportProcess.RecordOutcome.Result;
import vn.motsach.command.imports.SourceRecord;
import vn.motsach.command.imports.catalogue.CatalogueRecord.CopyEntry;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.LocalId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * Decides what each catalogue record comes to: a new title with its copies, new copies of a title
 * catalogued before, or a title's new description ({@code PUT titles}' command). A title is
 * matched by its ISBN, else its source control number, else its title, first author and year; a
 * copy by its barcode. What a batch's records need is looked up in one query per kind, and what
 * the records before made (in this batch, or in the whole file for a dry run) is remembered here.
 * The batch's titles and copies go in as one command, which stores for each record the events of
 * {@code POST titles} and {@code POST copies}; a revision is its own command, after the records
 * before it. A copy the file says was lost or withdrawn (Koha's 952 $1 or $0) goes in and out of the
 * collection in that command; one the school has already is taken out by the desk's own command.
 */
final class CatalogueApplier implements ImportProcess.Applier<CatalogueRecord> {

    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    /**
     * A number that is a year before 1000: of fewer than four digits, or below zero however its sign
     * is written (a hyphen, the minus sign or the dash a word processor puts for one, a space after
     * it, a decimal part as a CSV export writes a number): else {@link #YEAR} finds the digits of
     * "-2020" and would read the year 2020.
     */
    private static final Pattern EARLY_YEAR = Pattern.compile("[-\u2212\u2013]\\s*\\d+(?:[.,]\\d+)?|\\d{1,3}");
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("tieng viet", "vie", "viet", "vie",
            "tieng anh", "eng", "anh", "eng", "tieng phap", "fre", "tieng trung", "chi", "tieng nga", "rus");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.BASIC_ISO_DATE);

    private final ImportJob job;
    private final TitleMatches matches;
    private final Supplier<UUID> ids;
    private final LocalDate today;
    /** What the records applied by this applier made: ISBN or control number, key, and barcode, to title. */
    private final Map<String, UUID> madeTitles = new HashMap<>();
    private final Map<String, List<TitleMatches.KeyMatch>> madeKeys = new HashMap<>();
    private final Map<UUID, TitleMatches.KeyMatch> madeKeysOf = new HashMap<>();
    /** The descriptions (digests) of the titles this applier catalogued. */
    private final Map<UUID, String> madeDigests = new HashMap<>();
    private final Map<String, UUID> madeCopies = new HashMap<>();
    /** How many of {@code madeCopies} each title has: a dry run keeps the whole file's, too many to count again per record. */
    private final Map<UUID, Integer> madeCopiesOf = new HashMap<>();
    /** The titles this applier catalogued, and the descriptions it gave the titles it revised (their digests). */
    private final Set<UUID> catalogued = new HashSet<>();
    private final Map<UUID, String> revised = new HashMap<>();
    /** The details this applier gave the copies it corrected (their digests). */
    private final Map<String, String> correctedCopies = new HashMap<>();
    /** The copies of the school this applier recorded lost or withdrawn. */
    private final Set<String> takenOut = new HashSet<>();
    private int nextGenerated;
    /** The records decided and not sent yet, and the streams their events go to. */
    private final List<ImportedRecord> pending = new ArrayList<>();
    private final List<String> streams = new ArrayList<>();

    CatalogueApplier(ImportJob job, TitleMatches matches, Supplier<UUID> ids, LocalDate today) {
        this.job = job;
        this.matches = matches;
        this.ids = ids;
        this.today = today;
        this.nextGenerated = job.nextGenerated();
    }

    @Override
    public int nextGenerated() {
        return nextGenerated;
    }

    @Override
    public List<ImportProcess.RecordOutcome> apply(List<SourceRecord<CatalogueRecord>> records, ImportCommands commands) {
        List<Checked> checked = records.stream().map(this::check).toList();
        SchoolId school = job.schoolId();
        if (!job.dryRun()) {
            matches.sampleAgainWhenGrown(job.processed() + records.size(), records.size());
        }
        Map<String, UUID> byIsbn = matches.byIsbn(school, collect(checked, c -> c.isbn));
        Map<String, UUID> byControl = matches.byControlNumber(school, collect(checked, c -> c.controlNumber));
        Map<String, List<TitleMatches.KeyMatch>> byKey = matches.byKey(school, collect(checked, c -> c.key));
        Set<String> barcodes = new HashSet<>();
        checked.forEach(c -> c.copies.forEach(copy -> barcodes.add(copy.barcode())));
        barcodes.remove(null);
        Map<String, TitleMatches.KnownCopy> known = matches.copies(school, barcodes);
        Map<String, UUID> owners = new HashMap<>();
        known.forEach((barcode, copy) -> owners.put(barcode, copy.titleId()));
        Set<UUID> matched = new HashSet<>(byIsbn.values());
        matched.addAll(byControl.values());
        byKey.values().forEach(candidates -> candidates.forEach(candidate -> matched.add(candidate.titleId())));
        Map<UUID, TitleMatches.KeyMatch> ownersKeys = matches.keysOf(school, new HashSet<>(owners.values()));
        Map<UUID, Integer> ownersCopies = matches.copyCounts(school, new HashSet<>(owners.values()));
        matched.addAll(owners.values());
        Map<UUID, String> digests = matches.digests(school, matched);
        List<ImportProcess.RecordOutcome> outcomes = new ArrayList<>();
        for (Checked record : checked) {
            outcomes.add(decide(record, byIsbn, byControl, byKey, owners, known, ownersKeys, ownersCopies, digests, commands));
        }
        sendPending(commands);
        return outcomes;
    }

    private ImportProcess.RecordOutcome decide(Checked record, Map<String, UUID> byIsbn, Map<String, UUID> byControl,
            Map<String, List<TitleMatches.KeyMatch>> byKey, Map<String, UUID> owners, Map<String, TitleMatches.KnownCopy> known,
            Map<UUID, TitleMatches.KeyMatch> ownersKeys, Map<UUID, Integer> ownersCopies, Map<UUID, String> digests,
            ImportCommands commands) {
        if (record.rejected()) {
            return new ImportProcess.RecordOutcome(Result.REJECTED, record.issues);
        }
        // A title takes the record's description when the record is the title's own: found by its ISBN or
        // its source's control number, or naming every copy the title has (a school's own workbook row,
        // mended and imported again). One found by its words (title, first author, year: the same work,
        // perhaps described by another source), or by some of its copies, gains copies and keeps its
        // description: two files describing a work differently would otherwise rewrite it in turn.
        UUID title = first(made("isbn:", record.isbn), byIsbn.get(record.isbn), made("control:", record.controlNumber),
                byControl.get(record.controlNumber));
        boolean sameRecord = title != null;
        if (title == null) {
            title = ownerOfAll(record, owners, ownersKeys);
            sameRecord = title != null && namesEveryCopy(record, title, owners, ownersCopies);
        }
        if (title == null) {
            title = keyMatch(record, byKey.getOrDefault(record.key, List.of()));
        }
        List<CopyEntry> newCopies = new ArrayList<>();
        List<CopyEntry> knownCopies = new ArrayList<>();
        for (CopyEntry copy : record.copies) {
            if (copy.barcode() == null) {
                continue;
            }
            UUID owner = first(madeCopies.get(copy.barcode()), owners.get(copy.barcode()));
            if (owner == null) {
                newCopies.add(copy);
            } else if (!owner.equals(title)) {
                record.issues.add(ImportIssue.error(record.source, "barcode", "BARCODE_TAKEN", copy.barcode()));
                return new ImportProcess.RecordOutcome(Result.REJECTED, record.issues);
            } else if (!madeCopies.containsKey(copy.barcode())) {
                knownCopies.add(copy);
            }
        }
        Result result;
        if (title == null) {
            title = ids.get();
            if (newCopies.isEmpty() && job.copiesPerRecord() > 0 && job.barcodePrefix() != null) {
                CopyEntry template = record.copies.isEmpty() ? new CopyEntry(null, null, null, null, null, null) : record.copies.get(0);
                for (int i = 0; i < job.copiesPerRecord(); i++) {
                    newCopies.add(new CopyEntry(generatedBarcode(owners), template.callNumber(), template.acquiredOn(),
                            template.price(), template.source(), template.loanable()));
                }
            }
            catalogue(record, new TitleId(title), accessioned(record, newCopies, title));
            result = Result.CREATED;
        } else {
            boolean described = sameRecord && revise(record, new TitleId(title), digests, commands);
            if (!sameRecord) {
                reportDescriptionKept(record, title, digests);
            }
            boolean corrected = correct(record, knownCopies, known, commands);
            boolean takenOut = takeOutOfCollection(record, knownCopies, known, commands);
            accession(new TitleId(title), accessioned(record, newCopies, title));
            result = newCopies.isEmpty() && !described && !corrected && !takenOut ? Result.UNCHANGED : Result.UPDATED;
        }
        return new ImportProcess.RecordOutcome(result, record.issues);
    }

    /**
     * A matched title takes the record's description when it differs ({@code PUT titles}' command);
     * a title this import catalogued keeps the one its first record gave it. A title described
     * before digests were kept is asked (its command changes nothing when nothing differs); a
     * dry run, which asks nothing, counts such a title unchanged.
     *
     * @return whether the title's description changed
     */
    private boolean revise(Checked record, TitleId title, Map<UUID, String> digests, ImportCommands commands) {
        if (catalogued.contains(title.value())) {
            return false;
        }
        String wanted = TitleMatches.digest(record.title, record.authors, record.isbn, record.publisher, record.year,
                record.classification, record.subjects, record.docType, record.language, record.edition);
        String known = revised.containsKey(title.value()) ? revised.get(title.value()) : digests.get(title.value());
        if (wanted.equals(known) || job.dryRun() && known == null) {
            return false;
        }
        revised.put(title.value(), wanted);
        if (job.dryRun()) {
            return true;
        }
        // the records before this one go in first, their copies named as the title was then
        sendPending(commands);
        Object changed = commands.send(CatalogueCommandsForImports.reviseTitle(job.schoolId(), title, record.title,
                record.authors, record.isbn, record.publisher, record.year, record.classification, record.subjects,
                record.docType, record.language, record.edition), CatalogueCommandsForImports.titleStream(job.schoolId(), title));
        return Boolean.TRUE.equals(changed);
    }

    /**
     * The copies of the record the school has already take the record's details when they differ
     * ({@code PUT copies/{barcode}}' command): a mended report imported again corrects them. A copy
     * accessioned before digests were kept is asked (its command changes nothing when nothing
     * differs), a dry run counting it unchanged; a copy out of the collection is left as it is, with a warning.
     *
     * @return whether a copy's details changed
     */
    private boolean correct(Checked record, List<CopyEntry> knownCopies, Map<String, TitleMatches.KnownCopy> known,
            ImportCommands commands) {
        boolean changed = false;
        for (CopyEntry entry : knownCopies) {
            NewCopy copy = checkedCopy(record, entry);
            TitleMatches.KnownCopy stored = known.get(entry.barcode());
            String wanted = copy.detailsDigest();
            String had = correctedCopies.containsKey(entry.barcode()) ? correctedCopies.get(entry.barcode()) : stored.detailsDigest();
            boolean outOfCollection = stored.outOfCollection() || takenOut.contains(entry.barcode());
            if (wanted.equals(had) || had == null && (job.dryRun() || outOfCollection)) {
                continue;
            }
            if (outOfCollection) {
                record.issues.add(ImportIssue.warning(record.source, "barcode", "COPY_OUT_OF_COLLECTION", entry.barcode()));
                continue;
            }
            correctedCopies.put(entry.barcode(), wanted);
            if (job.dryRun()) {
                changed = true;
                continue;
            }
            // the records before this one go in first, as for a title's revision
            sendPending(commands);
            Object revised = commands.send(CatalogueCommandsForImports.reviseCopyDetails(job.schoolId(), copy),
                    CatalogueCommandsForImports.copyStream(job.schoolId(), copy.barcode()));
            changed |= Boolean.TRUE.equals(revised);
        }
        return changed;
    }

    /**
     * The copies of the record the school has in its collection that the record says were lost or
     * withdrawn in the previous system are recorded so, as {@code POST copies/{barcode}/loss} or
     * {@code /withdrawal} records it (a copy on loan is then refused as there, and the record with
     * it); a copy already out of the collection is left as it is, whichever way it left.
     *
     * @return whether a copy left the collection
     */
    private boolean takeOutOfCollection(Checked record, List<CopyEntry> knownCopies, Map<String, TitleMatches.KnownCopy> known,
            ImportCommands commands) {
        boolean changed = false;
        for (CopyEntry entry : knownCopies) {
            if (entry.outOfCollection() == null || known.get(entry.barcode()).outOfCollection()
                    || !takenOut.add(entry.barcode())) {
                continue;
            }
            reportOutOfCollection(record, entry);
            changed = true;
            if (!job.dryRun()) {
                // the records before this one go in first, as for a title's revision
                sendPending(commands);
                Barcode barcode = Barcode.of(entry.barcode());
                commands.send(CatalogueCommandsForImports.takeOutOfCollection(job.schoolId(), barcode, entry.outOfCollection()),
                        CatalogueCommandsForImports.copyStream(job.schoolId(), barcode));
            }
        }
        return changed;
    }

    /** A copy recorded lost or withdrawn as it goes in is listed, for the librarian to see which. */
    private void reportOutOfCollection(Checked record, CopyEntry copy) {
        record.issues.add(ImportIssue.warning(record.source, "barcode", copy.outOfCollection() == OutOfCollection.LOST
                ? "COPY_IMPORTED_LOST" : "COPY_IMPORTED_WITHDRAWN", copy.barcode()));
    }

    /** The title and its new copies, stored as {@code POST titles} and a {@code POST copies} for each copy store them. */
    private void catalogue(Checked record, TitleId title, List<NewCopy> copies) {
        catalogued.add(title.value());
        remember("isbn:", record.isbn, title.value());
        remember("control:", record.controlNumber, title.value());
        madeDigests.put(title.value(), TitleMatches.digest(record.title, record.authors, record.isbn, record.publisher,
                record.year, record.classification, record.subjects, record.docType, record.language, record.edition));
        if (record.key != null) {
            madeKeysOf.put(title.value(), new TitleMatches.KeyMatch(title.value(), record.isbn, record.key));
            madeKeys.computeIfAbsent(record.key, key -> new ArrayList<>()).add(new TitleMatches.KeyMatch(title.value(), record.isbn, record.key));
        }
        if (!job.dryRun()) {
            pending.add(CatalogueCommandsForImports.catalogueTitleWithCopies(job.schoolId(), title, record.title,
                    record.authors, record.isbn, record.publisher, record.year, record.classification, record.subjects,
                    record.docType, record.language, record.edition, record.controlNumber, copies));
            streams.addAll(CatalogueCommandsForImports.streams(job.schoolId(), title, true, copies));
        }
    }

    /** New copies of a title catalogued before. */
    private void accession(TitleId title, List<NewCopy> copies) {
        if (!job.dryRun() && !copies.isEmpty()) {
            pending.add(CatalogueCommandsForImports.accessionCopies(title, copies));
            streams.addAll(CatalogueCommandsForImports.streams(job.schoolId(), title, false, copies));
        }
    }

    /**
     * The title every copy the record names already belongs to (made by this import or catalogued
     * before), when it is the record's work by its title and first author and its ISBN does not
     * say otherwise: a copy is matched by its barcode, so a record whose year was mended and
     * imported again finds its title. None when no copy is known yet, when they belong to several
     * titles, or to another work: the same barcode on two works is a mistake in the file, refused
     * as another title's copy.
     */
    private UUID ownerOfAll(Checked record, Map<String, UUID> owners, Map<UUID, TitleMatches.KeyMatch> ownersKeys) {
        Set<UUID> titles = new HashSet<>();
        for (CopyEntry copy : record.copies) {
            if (copy.barcode() != null) {
                UUID owner = first(madeCopies.get(copy.barcode()), owners.get(copy.barcode()));
                if (owner != null) {
                    titles.add(owner);
                }
            }
        }
        if (titles.size() != 1 || record.key == null) {
            return null;
        }
        UUID owner = titles.iterator().next();
        TitleMatches.KeyMatch known = madeKeysOf.containsKey(owner) ? madeKeysOf.get(owner) : ownersKeys.get(owner);
        boolean sameWork = known != null && known.key() != null
                && TitleMatches.workOf(known.key()).equals(TitleMatches.workOf(record.key))
                && (record.isbn == null || known.isbn() == null || known.isbn().equals(record.isbn));
        return sameWork ? owner : null;
    }

    /** Whether the record names every copy {@code title} has, those this import made included (it may name new ones too). */
    private boolean namesEveryCopy(Checked record, UUID title, Map<String, UUID> owners, Map<UUID, Integer> ownersCopies) {
        Set<String> named = new HashSet<>();
        record.copies.forEach(copy -> {
            if (copy.barcode() != null && title.equals(first(madeCopies.get(copy.barcode()), owners.get(copy.barcode())))) {
                named.add(copy.barcode());
            }
        });
        int madeHere = madeCopiesOf.getOrDefault(title, 0);
        return named.size() == ownersCopies.getOrDefault(title, 0) + madeHere;
    }

    /** A title found by its copies or its words keeps its description: the record says so when its own differs. */
    private void reportDescriptionKept(Checked record, UUID title, Map<UUID, String> digests) {
        String wanted = TitleMatches.digest(record.title, record.authors, record.isbn, record.publisher, record.year,
                record.classification, record.subjects, record.docType, record.language, record.edition);
        String known = first(revised.get(title), madeDigests.get(title), digests.get(title));
        if (known != null && !known.equals(wanted)) {
            record.issues.add(ImportIssue.warning(record.source, "title", "TITLE_DESCRIPTION_KEPT"));
        }
    }

    /** The oldest title with the record's title, first author and year whose ISBN, if it has one, is the record's. */
    private UUID keyMatch(Checked record, List<TitleMatches.KeyMatch> catalogued) {
        if (record.key == null) {
            return null;
        }
        List<TitleMatches.KeyMatch> candidates = new ArrayList<>(catalogued);
        candidates.addAll(madeKeys.getOrDefault(record.key, List.of()));
        for (TitleMatches.KeyMatch candidate : candidates) {
            if (record.isbn == null || candidate.isbn() == null || candidate.isbn().equals(record.isbn)) {
                return candidate.titleId();
            }
        }
        return null;
    }

    /** The records decided since the last revision, in one command. */
    private void sendPending(ImportCommands commands) {
        if (!pending.isEmpty()) {
            commands.send(CatalogueCommandsForImports.records(job.schoolId(), pending), List.copyOf(streams));
            pending.clear();
            streams.clear();
        }
    }

    /** The record's new copies of {@code title} as they go in, their fields checked (a wrong one dropped with a warning). */
    private List<NewCopy> accessioned(Checked record, List<CopyEntry> newCopies, UUID title) {
        List<NewCopy> copies = new ArrayList<>();
        for (CopyEntry copy : newCopies) {
            if (madeCopies.put(copy.barcode(), title) == null) {
                madeCopiesOf.merge(title, 1, Integer::sum);
            }
            if (copy.outOfCollection() != null) {
                reportOutOfCollection(record, copy);
            }
            copies.add(checkedCopy(record, copy));
        }
        return copies;
    }

    /** A copy's fields as they go in, checked (a wrong one dropped with a warning). */
    private NewCopy checkedCopy(Checked record, CopyEntry copy) {
        LocalDate acquired = date(record, copy.acquiredOn());
        BigDecimal price = price(record, copy.price());
        String source = text(record, "source", copy.source(), 100);
        String callNumber = text(record, "callNumber", copy.callNumber(), 50);
        return new NewCopy(Barcode.of(copy.barcode()), acquired, source, price, copy.loanable() == null || copy.loanable(),
                callNumber, copy.outOfCollection());
    }

    private String generatedBarcode(Map<String, UUID> owners) {
        while (true) {
            String candidate = job.barcodePrefix() + String.format("%06d", nextGenerated++);
            if (!madeCopies.containsKey(candidate) && !owners.containsKey(candidate)
                    && matches.copyOwners(job.schoolId(), List.of(candidate)).isEmpty()) {
                return candidate;
            }
        }
    }

    /** The record's fields checked: a field wrong but not needed is dropped with a warning; a title or barcode wrong rejects it. */
    private Checked check(SourceRecord<CatalogueRecord> source) {
        Checked checked = new Checked(source);
        CatalogueRecord record = source.content();
        checked.title = text(checked, "title", record.title(), 500);
        if (checked.title == null) {
            checked.issues.add(ImportIssue.error(source, "title", "TITLE_MISSING"));
        }
        checked.authors = texts(checked, "authors", record.authors(), 200);
        if (record.isbn() != null && !record.isbn().isBlank()) {
            checked.isbn = CatalogueCommandsForImports.isbn(record.isbn().strip()).orElse(null);
            if (checked.isbn == null) {
                checked.issues.add(ImportIssue.warning(source, "isbn", "ISBN_INVALID", record.isbn().strip()));
            }
        }
        checked.publisher = text(checked, "publisher", record.publisher(), 200);
        checked.year = year(checked, record.year());
        checked.classification = text(checked, "classification", record.classification(), 50);
        checked.subjects = texts(checked, "subjects", record.subjects(), 100);
        checked.docType = docType(checked, record.docType());
        checked.language = language(checked, record.language());
        checked.edition = text(checked, "edition", record.edition(), 100);
        checked.controlNumber = text(checked, "controlNumber", record.controlNumber(), 200);
        if (checked.title != null) {
            checked.key = TitleMatches.key(checked.title, checked.authors.isEmpty() ? null : checked.authors.get(0), checked.year);
        }
        Set<String> seen = new HashSet<>();
        for (CopyEntry copy : record.copies()) {
            String barcode = copy.barcode() == null || copy.barcode().isBlank() ? null : copy.barcode().strip();
            if (barcode != null && !LocalId.FORMAT.matcher(barcode).matches()) {
                checked.issues.add(ImportIssue.error(source, "barcode", "BARCODE_INVALID", barcode));
            } else if (barcode == null || seen.add(barcode)) {
                checked.copies.add(new CopyEntry(barcode, copy.callNumber(), copy.acquiredOn(), copy.price(), copy.source(),
                        copy.loanable(), copy.outOfCollection()));
            }
        }
        return checked;
    }

    private String text(Checked record, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (text.length() > maxLength) {
            record.issues.add(ImportIssue.warning(record.source, field, "FIELD_TOO_LONG", maxLength));
            return null;
        }
        return text;
    }

    private List<String> texts(Checked record, String field, List<String> values, int maxLength) {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        for (String value : values) {
            String text = text(record, field, value, maxLength);
            if (text != null && texts.size() < 50) {
                texts.add(text);
            }
        }
        return List.copyOf(texts);
    }

    private Integer year(Checked record, String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        if (earlyYear(written)) {
            // a number, so not said to be none: "-5" holds the digits of no year we would read
            record.issues.add(ImportIssue.warning(record.source, "publishedYear", "YEAR_TOO_OLD", written.strip()));
            return null;
        }
        Matcher digits = YEAR.matcher(written);
        if (digits.find()) {
            // a number, but no year a book of the library can have been published in
            int year = Integer.parseInt(digits.group(1));
            if (year > today.getYear() + 1) {
                record.issues.add(ImportIssue.warning(record.source, "publishedYear", "YEAR_IN_FUTURE", written.strip(),
                        today.getYear() + 1));
                return null;
            }
            if (year < 1000) {
                record.issues.add(ImportIssue.warning(record.source, "publishedYear", "YEAR_TOO_OLD", written.strip()));
                return null;
            }
            return year;
        }
        record.issues.add(ImportIssue.warning(record.source, "publishedYear", "YEAR_INVALID", written.strip()));
        return null;
    }

    /** Whether a year cell is a number that is no year after 999 (see {@link #EARLY_YEAR}). */
    static boolean earlyYear(String written) {
        return EARLY_YEAR.matcher(written.strip()).matches();
    }

    private DocType docType(Checked record, String written) {
        Optional<DocType> known = DocTypes.of(written);
        if (known.isEmpty() && written != null && !written.isBlank()) {
            record.issues.add(ImportIssue.warning(record.source, "docType", "DOC_TYPE_UNKNOWN", written.strip()));
        }
        return known.orElse(DocType.GENERAL);
    }

    private String language(Checked record, String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String code = written.strip().toLowerCase(java.util.Locale.ROOT);
        if (LanguageCodes.known(code)) {
            return code;
        }
        String named = LANGUAGE_NAMES.get(TitleMatches.fold(written));
        if (named == null) {
            record.issues.add(ImportIssue.warning(record.source, "language", "LANGUAGE_INVALID", written.strip()));
        }
        return named;
    }

    private LocalDate date(Checked record, String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        if (EXCEL_SERIAL.matcher(written.strip()).matches()) {
            // a date cell a CSV export (or a cell without a date format) wrote as Excel's day number
            LocalDate date = EXCEL_EPOCH.plusDays((long) Double.parseDouble(written.strip()));
            if (!date.isAfter(today)) {
                return date;
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate date = LocalDate.parse(written.strip(), format);
                if (date.isAfter(today)) {
                    // a date, but no copy is acquired before it is
                    record.issues.add(ImportIssue.warning(record.source, "acquiredOn", "DATE_IN_FUTURE", written.strip()));
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                // the next way of writing a date
            }
        }
        record.issues.add(ImportIssue.warning(record.source, "acquiredOn", "DATE_INVALID", written.strip()));
        return null;
    }

    private static final Pattern CURRENCY = Pattern.compile("(?i)\\s*(đ|vnđ|vnd|đồng)$");
    private static final Pattern THOUSANDS_WITH_DOTS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern THOUSANDS_WITH_COMMAS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** A price as Vietnamese write it ("85.000 đ", "85,000", "85000.50"); not a number, below zero or too large: dropped. */
    private BigDecimal price(Checked record, String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String digits = CURRENCY.matcher(written.strip()).replaceAll("").replace(" ", "");
        if (THOUSANDS_WITH_DOTS.matcher(digits).matches()) {
            digits = digits.replace(".", "");
        } else if (THOUSANDS_WITH_COMMAS.matcher(digits).matches()) {
            digits = digits.replace(",", "");
        } else {
            digits = digits.replace(',', '.');
        }
        try {
            BigDecimal price = new BigDecimal(digits);
            if (price.signum() < 0) {
                record.issues.add(ImportIssue.warning(record.source, "price", "PRICE_NEGATIVE", written.strip()));
                return null;
            }
            if (price.precision() - price.scale() > 12) {
                record.issues.add(ImportIssue.warning(record.source, "price", "PRICE_TOO_LARGE", written.strip()));
                return null;
            }
            return price;
        } catch (NumberFormatException e) {
            // reported below
        }
        record.issues.add(ImportIssue.warning(record.source, "price", "PRICE_INVALID", written.strip()));
        return null;
    }

    private UUID made(String kind, String value) {
        return value == null ? null : madeTitles.get(kind + value);
    }

    private void remember(String kind, String value, UUID title) {
        if (value != null) {
            madeTitles.putIfAbsent(kind + value, title);
        }
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    private static Set<String> collect(List<Checked> records, java.util.function.Function<Checked, String> value) {
        Set<String> values = new HashSet<>();
        records.forEach(record -> {
            String v = value.apply(record);
            if (v != null) {
                values.add(v);
            }
        });
        return values;
    }

    /** A record's fields once checked, with what was found wrong in them. */
    private static final class Checked {
        final SourceRecord<CatalogueRecord> source;
        final List<ImportIssue> issues = new ArrayList<>();
        final List<CopyEntry> copies = new ArrayList<>();
        String title;
        List<String> authors;
        String isbn;
        String publisher;
        Integer year;
        String classification;
        List<String> subjects;
        DocType docType;
        String language;
        String edition;
        String controlNumber;
        String key;

        Checked(SourceRecord<CatalogueRecord> source) {
            this.source = source;
        }

        boolean rejected() {
            return issues.stream().anyMatch(issue -> issue.severity() == ImportIssue.Severity.ERROR);
        }
    }
}
