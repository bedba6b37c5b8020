package vn.motsach.query.authorities;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolYear;

/**
 * The schools an authority covers in a school year: those that reported that year to the
 * authority itself or to any authority below it, at any depth (a province's Sở covers the schools
 * of its commune offices, and its legacy district offices' for the years before the reform). A
 * school that moved keeps its old authority for the years before the move.
 */
public interface AuthorityCoverage {

    /** The schools {@code authority} covers in {@code year}, by school id. */
    List<CoveredSchool> schoolsCoveredBy(AuthorityId authority, SchoolYear year);

    /**
     * For each school asked, the authorities above it in {@code year}, nearest first: the one it
     * reported to that year, then that one's parent, up to the top (none for a school no
     * authority supervised that year). The Circular 16 evaluation takes the nearest thresholds.
     */
    Map<String, List<String>> authoritiesAbove(Collection<String> schoolIds, SchoolYear year);

    /**
     * @param name the school's name and levels now
     * @param authorityId the authority the school reported to directly in that year
     */
    record CoveredSchool(String schoolId, String name, List<EducationLevel> educationLevels, String authorityId) {
    }
}
