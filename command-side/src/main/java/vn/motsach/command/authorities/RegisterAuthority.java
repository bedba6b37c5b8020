package vn.motsach.command.authorities;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.command.execution.Command;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.authority.AuthorityKind;

/**
 * Registers an authority in the tree, or brings its name, kind or place up to date.
 *
 * @param parentId the authority directly above it; absent for one at the top
 * @param actingFor the authority of the administrator who asks, who may place authorities only
 *        below their own; absent for the system's administrator
 */
record RegisterAuthority(AuthorityId authorityId, String name, AuthorityKind kind, AuthorityId parentId, AuthorityId actingFor)
        implements Command<AuthorityRegistration> {

    @TargetAggregateIdentifier
    String aggregateId() {
        return AuthorityTree.ID;
    }
}
