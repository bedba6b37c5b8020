package vn.motsach.command.school;

import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.SchoolId;

/**
 * Which authority supervises a school, as the school itself last said: read from the school's
 * own stream, in the command's unit of work, so that a decision about several schools (forming a
 * liên thông group) judges each school's current registration.
 */
@Component
public class SchoolSupervision {

    private final Repository<School> schools;
    private final SchoolLookups lookups;

    SchoolSupervision(Repository<School> schools, SchoolLookups lookups) {
        this.schools = schools;
        this.lookups = lookups;
    }

    public boolean isRegistered(SchoolId school) {
        return lookups.isRegistered(school);
    }

    /** The school's authority; empty when the school is not registered or has none. */
    public Optional<AuthorityId> authorityOf(SchoolId school) {
        try {
            return Optional.ofNullable(schools.load(School.aggregateId(school)).invoke(School::authorityId));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
