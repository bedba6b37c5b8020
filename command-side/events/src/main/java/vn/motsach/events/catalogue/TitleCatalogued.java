package vn.motsach.events.catalogue;

import java.util.List;
import vn.motsach.events.DocType;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * A title was catalogued. Text is kept exactly as typed, NFC-normalised; ISBN without hyphens.
 * {@code edition} and {@code controlNumber} (the source record's MARC 001 with 003, for an
 * imported title) came later: events stored before them read them as {@code null}.
 */
@Revision("1")
public record TitleCatalogued(
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
        String edition,
        String controlNumber)
        implements CatalogueEvent {

    public TitleCatalogued {
        authors = List.copyOf(authors);
        subjects = List.copyOf(subjects);
    }

    /** A title without edition nor source control number. */
    public TitleCatalogued(SchoolId schoolId, TitleId titleId, String title, List<String> authors, String isbn,
            String publisher, Integer publishedYear, String classification, List<String> subjects, DocType docType,
            String language) {
        this(schoolId, titleId, title, authors, isbn, publisher, publishedYear, classification, subjects, docType, language,
                null, null);
    }
}
