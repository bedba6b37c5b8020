package vn.motsach.command.interop;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.InteropGroupId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.interop.InteropGroupChanged;
import vn.motsach.events.interop.InteropGroupFormed;
import vn.motsach.events.interop.Sharing;

/** A liên thông group: the schools that share, at what level, and the authority it belongs to. */
@Aggregate
class InteropGroup {

    @AggregateIdentifier
    private String id;
    private AuthorityId authorityId;
    private String name;
    private Sharing sharing;
    private List<SchoolId> schoolIds;

    InteropGroup() {
        // for Axon
    }

    InteropGroup(InteropGroupFormed formed) {
        apply(formed);
    }

    static String aggregateId(InteropGroupId groupId) {
        return "interop-group:" + groupId.value();
    }

    AuthorityId authorityId() {
        return authorityId;
    }

    /** The group as the command describes it now; the members the desk has checked. */
    SchoolRegistration describe(FormInteropGroup command) {
        if (name.equals(command.name()) && sharing == command.sharing() && schoolIds.equals(command.schoolIds())) {
            return SchoolRegistration.UNCHANGED;
        }
        apply(new InteropGroupChanged(command.groupId(), authorityId, command.name(), command.sharing(), command.schoolIds()));
        return SchoolRegistration.CHANGED;
    }

    @EventSourcingHandler
    void on(InteropGroupFormed event) {
        id = aggregateId(event.groupId());
        authorityId = event.authorityId();
        name = event.name();
        sharing = event.sharing();
        schoolIds = event.schoolIds();
    }

    @EventSourcingHandler
    void on(InteropGroupChanged event) {
        name = event.name();
        sharing = event.sharing();
        schoolIds = event.schoolIds();
    }
}
