package vn.motsach.command.execution;

import vn.motsach.command.execution.IdempotencyStore.StoredAnswer;
import vn.motsach.events.Refused;

/**
 * How the first answer under an idempotency key is worded, by whoever answers the request (the
 * web edge): the executor keeps what it is given in the command's own transaction and hands it
 * back for a repeat, without reading it.
 *
 * @param <R> the command's result
 * @param <A> the answer given to the request
 */
public interface FirstAnswers<R, A> {

    /** The answer to the command decided now, and what of it is kept under the key. */
    Kept<A> answered(Executed<R> executed);

    /** What is kept of a refusal: it is the first answer too, given again even once the state has changed. */
    StoredAnswer refused(Refused refusal);

    /** The first answer again, for a repeat under the same key; it may throw (a refusal, or a key reused for another request). */
    A again(StoredAnswer first);

    /** An answer and what of it is kept. */
    record Kept<A>(A answer, StoredAnswer stored) {
    }
}
