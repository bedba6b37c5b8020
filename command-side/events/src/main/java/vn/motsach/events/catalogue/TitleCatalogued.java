package vn.motsach.events.catalogue;

import java.util.List;
import vn.motsach.events.DocType;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A title was catalogued. Text is kept exactly as typed, NFC-normalised; ISBN without hyphens. */
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
        String language)
        implements CatalogueEvent {

    public TitleCatalogued {
        authors = List.copyOf(authors);
        subjects = List.copyOf(subjects);
    }
}
