package vn.motsach.command.authorities;

import vn.motsach.events.AuthorityId;

/** What the tree asks of the schools: whether they already name an authority it does not hold yet. */
interface NamedAuthorities {

    /** Whether any school names {@code authority}, for this year, a past or a coming one. */
    boolean namedBySchools(AuthorityId authority);
}
