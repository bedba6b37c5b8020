package vn.motsach.command.circulation;

import vn.motsach.events.TitleId;

/**
 * A title's copies as a hold sees them: how many can ever be lent (for loan, not withdrawn or
 * lost) and how many of those could be taken from the shelf now (not on loan, not kept on the
 * hold shelf).
 */
record TitleCopies(TitleId titleId, int lendable, int onShelf) {
}
