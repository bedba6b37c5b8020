package vn.motsach.events.catalogue;

import java.util.List;
import vn.motsach.events.DocType;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * A title's description was edited: the event carries the whole new description, as
 * {@link TitleCatalogued} does, so a reader needs no earlier event to know it. Text as typed,
 * NFC-normalised; ISBN without hyphens. {@code edition} came later: events stored before it read
 * it as {@code null}.
 */
@Revision("1")
public record TitleRevised(
        SchoolId schoolId,
        TitleId titleId,
        String title,
        List<String> authors,
        String isbn,
        String publisher,
        Integer publishedYear,
        String classification,
        List<String> subjects,
        DocType docType,
        String language,
        String edition)
        implements CatalogueEvent {

    public TitleRevised {
        authors = List.copyOf(authors);
        subjects = List.copyOf(subjects);
    }

    /** A revision without edition. */
    public TitleRevised(SchoolId schoolId, TitleId titleId, String title, List<String> authors, String isbn,
            String publisher, Integer publishedYear, String classification, List<String> subjects, DocType docType,
            String language) {
        this(schoolId, titleId, title, authors, isbn, publisher, publishedYear, classification, subjects, docType, language,
                null);
    }
}
