package vn.motsach.command.authorities;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.authority.AuthorityDetailsChanged;
import vn.motsach.events.authority.AuthorityKind;
import vn.motsach.events.authority.AuthorityRegistered;

/**
 * The tree of supervising authorities, whole: one aggregate, so that two changes made at once
 * cannot together make a cycle or put an authority under a kind it may not stand under. A
 * province has a few hundred authorities at most, and they change a few times a year.
 */
@Aggregate
class AuthorityTree {

    /** The one tree; aggregate ids share one event store with every other aggregate type. */
    static final String ID = "authority-tree";

    @AggregateIdentifier
    private String id;
    private final Map<AuthorityId, Node> nodes = new HashMap<>();

    AuthorityTree() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AuthorityRegistration handle(RegisterAuthority command, NamedAuthorities named) {
        AuthorityId authority = command.authorityId();
        AuthorityId parent = command.parentId();
        if (parent != null && (!nodes.containsKey(parent) || !isWithin(parent, command.actingFor()))) {
            throw new Refused(RefusalCode.PARENT_AUTHORITY_NOT_FOUND, parent.value());
        }
        if (parent == null && command.actingFor() != null) {
            throw new IllegalArgumentException("An authority's administrator places authorities below their own: the edge asks for a parent");
        }
        if (parent != null && isWithin(parent, authority)) {
            throw new Refused(RefusalCode.AUTHORITY_CYCLE, authority.value(), parent.value());
        }
        if (parent != null && !command.kind().mayStandUnder(nodes.get(parent).kind())) {
            throw new Refused(RefusalCode.AUTHORITY_PARENT_NOT_ALLOWED, command.kind().name(), parent.value());
        }
        boolean childrenStay = nodes.values().stream()
                .filter(node -> authority.equals(node.parentId()))
                .allMatch(child -> child.kind().mayStandUnder(command.kind()));
        if (!childrenStay) {
            throw new Refused(RefusalCode.AUTHORITY_HAS_CHILDREN, authority.value(), command.kind().name());
        }
        Node current = nodes.get(authority);
        if (current != null && !isWithin(authority, command.actingFor())) {
            // the edge lets through only authorities below the caller's or new ones; this holds it here too
            throw new Refused(RefusalCode.PARENT_AUTHORITY_NOT_FOUND, authority.value());
        }
        if (current == null && command.actingFor() != null && named.namedBySchools(authority)) {
            // schools chose it before the tree knew it: placing it is the system's administrator's call,
            // or the first authority to claim the name would be handed those schools
            throw new Refused(RefusalCode.AUTHORITY_NAMED_BY_SCHOOLS, authority.value());
        }
        Node asked = new Node(command.name(), command.kind(), parent);
        if (current == null) {
            apply(new AuthorityRegistered(authority, command.name(), command.kind(), parent));
            return AuthorityRegistration.REGISTERED;
        }
        if (current.equals(asked)) {
            return AuthorityRegistration.UNCHANGED;
        }
        apply(new AuthorityDetailsChanged(authority, command.name(), command.kind(), parent));
        return AuthorityRegistration.CHANGED;
    }

    /** Whether {@code authority} is {@code ancestor} or below it at any depth; anything is within no ancestor. */
    private boolean isWithin(AuthorityId authority, AuthorityId ancestor) {
        if (ancestor == null) {
            return true;
        }
        for (AuthorityId at = authority; at != null; at = nodes.containsKey(at) ? nodes.get(at).parentId() : null) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    @EventSourcingHandler
    void on(AuthorityRegistered event) {
        id = ID;
        nodes.put(event.authorityId(), new Node(event.name(), event.kind(), event.parentId()));
    }

    @EventSourcingHandler
    void on(AuthorityDetailsChanged event) {
        nodes.put(event.authorityId(), new Node(event.name(), event.kind(), event.parentId()));
    }

    private record Node(String name, AuthorityKind kind, AuthorityId parentId) {

        Node {
            Objects.requireNonNull(kind);
        }
    }
}
