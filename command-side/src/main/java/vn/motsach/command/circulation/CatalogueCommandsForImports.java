package vn.motsach.command.circulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.motsach.command.circulation.CirculationCommands.AccessionCopy;
import vn.motsach.command.circulation.CirculationCommands.CatalogueTitle;
import vn.motsach.command.circulation.CirculationCommands.ReviseTitle;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * The catalogue's commands as an import sends them: the very commands of {@code POST titles} and
 * {@code POST copies}, so an imported record stores the same events as the desk's requests.
 */
public final class CatalogueCommandsForImports {

    private CatalogueCommandsForImports() {
    }

    public static Object catalogueTitle(SchoolId school, TitleId titleId, String title, List<String> authors, String isbn,
            String publisher, Integer publishedYear, String classification, List<String> subjects, DocType docType,
            String language, String edition, String controlNumber) {
        return new CatalogueTitle(school, titleId, title, authors, isbn, publisher, publishedYear, classification, subjects,
                docType, language, edition, controlNumber);
    }

    /** Answers whether the title's description changed. */
    public static Object reviseTitle(SchoolId school, TitleId titleId, String title, List<String> authors, String isbn,
            String publisher, Integer publishedYear, String classification, List<String> subjects, DocType docType,
            String language, String edition) {
        return new ReviseTitle(school, titleId, title, authors, isbn, publisher, publishedYear, classification, subjects,
                docType, language, edition);
    }

    public static Object accessionCopy(SchoolId school, Barcode barcode, TitleId titleId, LocalDate acquiredOn, String source,
            BigDecimal price, boolean loanable, String callNumber) {
        return new AccessionCopy(school, barcode, titleId, acquiredOn, source, price, loanable, null, callNumber);
    }

    /** The ISBN without hyphens, when {@code typed} is one (its check digit right), as {@code POST titles} takes it. */
    public static Optional<String> isbn(String typed) {
        return Isbn.normalise(typed);
    }

    /** The aggregate a title's events are stored under, to find the position of the last one. */
    public static String titleStream(SchoolId school, TitleId titleId) {
        return Title.aggregateId(school, titleId);
    }

    public static String copyStream(SchoolId school, Barcode barcode) {
        return Copy.aggregateId(school, barcode);
    }
}
