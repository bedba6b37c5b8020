package vn.motsach.events.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolYear;

/**
 * An authority set, for one school year, the numbers Circular 16 leaves open: copies per student
 * and per teacher at level 2 by education level (a level left out keeps the default of
 * {@link Circular16}), library activities per month, and the document types whose copies count.
 * An authority's event, not a school's: it is not published on the schools' topic.
 */
@Revision("1")
public record Circular16ThresholdsSet(
        AuthorityId authorityId,
        SchoolYear schoolYear,
        Map<EducationLevel, BigDecimal> copiesPerStudentLevel2,
        Map<EducationLevel, BigDecimal> copiesPerTeacherLevel2,
        int activitiesPerMonth,
        List<DocType> countedDocTypes) {

    public Circular16ThresholdsSet {
        copiesPerStudentLevel2 = Map.copyOf(copiesPerStudentLevel2);
        copiesPerTeacherLevel2 = Map.copyOf(copiesPerTeacherLevel2);
        countedDocTypes = List.copyOf(countedDocTypes);
    }
}
