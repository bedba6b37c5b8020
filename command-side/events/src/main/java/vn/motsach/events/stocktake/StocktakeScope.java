package vn.motsach.events.stocktake;

import java.util.List;
import vn.motsach.events.DocType;

/**
 * Which copies a stocktake counts: those of the listed document types (every type when empty)
 * whose title's classification starts with {@code classificationPrefix} (every copy when null).
 */
public record StocktakeScope(List<DocType> docTypes, String classificationPrefix) {

    public static final StocktakeScope WHOLE_LIBRARY = new StocktakeScope(List.of(), null);

    public StocktakeScope {
        docTypes = List.copyOf(docTypes);
    }
}
