package vn.motsach.command.execution;

import vn.motsach.events.AuthorityId;

/**
 * A command about something an authority owns rather than a school (its Circular 16 thresholds),
 * answered by its handler with a {@code R}. No school is checked for it; its events are the
 * authority's and are not published on the schools' topic.
 *
 * @param <R> what the command's handler returns
 */
public interface AuthorityCommand<R> extends Command<R> {

    AuthorityId authorityId();
}
