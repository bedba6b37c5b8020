package vn.motsach.command.circulation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.motsach.command.circulation.CirculationCommands.AccessionCopies;
import vn.motsach.command.circulation.CirculationCommands.CatalogueRecords;
import vn.motsach.command.circulation.CirculationCommands.CatalogueTitle;
import vn.motsach.command.circulation.CirculationCommands.CatalogueTitleWithCopies;
import vn.motsach.command.circulation.CirculationCommands.ReportCopyLost;
import vn.motsach.command.circulation.CirculationCommands.ReviseCopyDetails;
import vn.motsach.command.circulation.CirculationCommands.ReviseTitle;
import vn.motsach.command.circulation.CirculationCommands.WithdrawCopy;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * The catalogue's commands as an import sends them: one command a batch of records, each record
 * storing the very events of {@code POST titles} and a {@code POST copies} for each of its copies,
 * so an imported record stores the same events as the desk's requests.
 */
public final class CatalogueCommandsForImports {

    private CatalogueCommandsForImports() {
    }

    /**
     * A copy to accession, as {@code POST copies} gives it but for its title (and without an intake);
     * {@code outOfCollection}: how the previous system says it left the collection, recorded as soon as
     * it is accessioned, or null for a copy on the shelf.
     */
    public record NewCopy(Barcode barcode, LocalDate acquiredOn, String source, BigDecimal price, boolean loanable,
            String callNumber, @Nullable OutOfCollection outOfCollection) {

        /** A copy on the shelf. */
        public NewCopy(Barcode barcode, LocalDate acquiredOn, String source, BigDecimal price, boolean loanable,
                String callNumber) {
            this(barcode, acquiredOn, source, price, loanable, callNumber, null);
        }

        /**
         * The copy's details in one value, as the lookup keeps it: two copies have the same details
         * when their digests are (a price by its value, 45000 as 45000.00, as the copy compares it).
         */
        public String detailsDigest() {
            // separators no librarian types, so that two different details never join to the same text
            String joined = String.join("\u001f", String.valueOf(acquiredOn), String.valueOf(source),
                    price == null ? "null" : price.stripTrailingZeros().toPlainString(), String.valueOf(loanable),
                    String.valueOf(callNumber));
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * How a copy the previous system lists left the collection (Koha's 952 $1 lost, $0 withdrawn):
     * the copy is then recorded lost as {@code POST copies/{barcode}/loss} records it, or withdrawn as
     * {@code POST copies/{barcode}/withdrawal} does, with the note or reason given here.
     */
    public enum OutOfCollection {
        LOST("Báo mất trong phần mềm cũ (nhập từ tệp)"),
        WITHDRAWN("Đã thanh lý trong phần mềm cũ (nhập từ tệp)");

        private final String reason;

        OutOfCollection(String reason) {
            this.reason = reason;
        }

        /** The loss's note or the withdrawal's reason. */
        public String reason() {
            return reason;
        }
    }

    /** A copy of the school recorded lost (no reader held to account) or withdrawn as the single request records it. */
    public static Object takeOutOfCollection(SchoolId school, Barcode barcode, OutOfCollection how) {
        return switch (how) {
            case LOST -> new ReportCopyLost(school, barcode, null, how.reason());
            case WITHDRAWN -> new WithdrawCopy(school, barcode, how.reason());
        };
    }

    /** What one record comes to: a new title with its copies, or new copies of a title catalogued before. */
    public sealed interface ImportedRecord permits CatalogueTitleWithCopies, AccessionCopies {

        TitleId titleId();

        List<NewCopy> copies();
    }

    /** A batch's records in one command: one unit of work, refused whole when one of them is. */
    public static Object records(SchoolId school, List<ImportedRecord> records) {
        return new CatalogueRecords(school, List.copyOf(records));
    }

    /** The title and its copies, stored as {@code POST titles} and then {@code POST copies} for each copy store them. */
    public static ImportedRecord catalogueTitleWithCopies(SchoolId school, TitleId titleId, String title, List<String> authors,
            String isbn, String publisher, Integer publishedYear, String classification, List<String> subjects, DocType docType,
            String language, String edition, String controlNumber, List<NewCopy> copies) {
        return new CatalogueTitleWithCopies(new CatalogueTitle(school, titleId, title, authors, isbn, publisher, publishedYear,
                classification, subjects, docType, language, edition, controlNumber), List.copyOf(copies));
    }

    /** Answers whether the title's description changed. */
    public static Object reviseTitle(SchoolId school, TitleId titleId, String title, List<String> authors, String isbn,
            String publisher, Integer publishedYear, String classification, List<String> subjects, DocType docType,
            String language, String edition) {
        return new ReviseTitle(school, titleId, title, authors, isbn, publisher, publishedYear, classification, subjects,
                docType, language, edition);
    }

    /** A copy's corrected details, as {@code PUT copies/{barcode}} corrects them; answers whether anything changed. */
    public static Object reviseCopyDetails(SchoolId school, NewCopy copy) {
        return new ReviseCopyDetails(school, copy.barcode(), copy.acquiredOn(), copy.source(), copy.price(), copy.loanable(),
                copy.callNumber());
    }

    /** The stream a copy's events are stored under. */
    public static String copyStream(SchoolId school, Barcode barcode) {
        return Copy.aggregateId(school, barcode);
    }

    /** New copies of a title catalogued before, stored as {@code POST copies} stores each. */
    public static ImportedRecord accessionCopies(TitleId titleId, List<NewCopy> copies) {
        return new AccessionCopies(titleId, List.copyOf(copies));
    }

    /** The ISBN without hyphens, when {@code typed} is one (its check digit right), as {@code POST titles} takes it. */
    public static Optional<String> isbn(String typed) {
        return Isbn.normalise(typed);
    }

    /** The aggregate a title's events are stored under, to find the position of the last one. */
    public static String titleStream(SchoolId school, TitleId titleId) {
        return Title.aggregateId(school, titleId);
    }

    /** The streams the title's (when {@code withTitle}) and the copies' events are stored under. */
    public static List<String> streams(SchoolId school, TitleId titleId, boolean withTitle, List<NewCopy> copies) {
        List<String> streams = new ArrayList<>();
        if (withTitle) {
            streams.add(Title.aggregateId(school, titleId));
        }
        copies.forEach(copy -> streams.add(Copy.aggregateId(school, copy.barcode())));
        return streams;
    }
}
