package vn.motsach.analytics.roster;

import java.util.Collection;
import java.util.Map;

/**
 * Students' names, for the one answer that shows them (a class's metrics, to its teacher).
 * <p>
 * Names are personal data and stay with the command and query sides: the events topic, which
 * integrations read too, carries ids, classes and categories only, so the roster analytics keeps
 * from it has no names. An answer that needs them asks here, when it is made, for the names of
 * the students it lists; a name unknown here (analytics running without the query side's
 * database, or a patron the query side has not seen yet) is answered as {@code null}, and a
 * front-end can join it from the query side's roster ({@code GET classes/{classId}}).
 */
@FunctionalInterface
public interface PatronNames {

    /** No names: analytics on its own, with no database to read them from. */
    PatronNames NONE = (schoolId, patronIds) -> Map.of();

    /** The names of those of {@code patronIds} that are known, by patron id. */
    Map<String, String> of(String schoolId, Collection<String> patronIds);
}
