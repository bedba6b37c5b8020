package vn.motsach.query.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which schools an authority covers in a school year, and which authorities stand above a
 * school in that year (nearest first): the one question the Circular 16 evaluation asks of
 * the authorities, so that how authorities are organised is decided in one place.
 */
public interface AuthorityCoverage {

    /** The schools {@code authorityId} covers in {@code schoolYear}, by id. */
    List<String> schools(String authorityId, String schoolYear);

    /** For each school asked, the authorities above it in {@code schoolYear}, nearest first (none for a school no authority supervises). */
    Map<String, List<String>> authoritiesAbove(Collection<String> schools, String schoolYear);
}
