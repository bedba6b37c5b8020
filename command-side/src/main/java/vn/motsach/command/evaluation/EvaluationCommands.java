package vn.motsach.command.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.command.execution.AuthorityCommand;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.evaluation.DeclaredCriterion;

/** The commands of the Circular 16 evaluation: a school's library profile, an authority's thresholds. */
final class EvaluationCommands {

    private EvaluationCommands() {
    }

    record DeclareLibraryProfile(SchoolId schoolId, SchoolYear schoolYear, BigDecimal readingRoomM2, int seats,
            List<DeclaredCriterion> criteria) implements SchoolCommand<Void> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return LibraryProfile.aggregateId(schoolId, schoolYear);
        }
    }

    record SetCircular16Thresholds(AuthorityId authorityId, SchoolYear schoolYear,
            Map<EducationLevel, BigDecimal> copiesPerStudentLevel2, Map<EducationLevel, BigDecimal> copiesPerTeacherLevel2,
            int activitiesPerMonth, List<DocType> countedDocTypes) implements AuthorityCommand<Void> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Circular16Thresholds.aggregateId(authorityId, schoolYear);
        }
    }
}
