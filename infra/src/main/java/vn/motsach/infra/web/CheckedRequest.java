package vn.motsach.infra.web;

/**
 * What a request asks for, as one record the controller method takes instead of its loose
 * parameters: the record declares a constructor taking {@link RequestValues}, reads each path
 * variable and query parameter there by its name and checks it with the {@link RequestCheck} the
 * values carry. {@link CheckedRequests} builds it before the method runs and refuses the request,
 * naming every faulty field at once, when any check failed; the method only sees checked values.
 * For {@code GET /api/v1/schools/{schoolId}/holds/{holdId}}:
 * <pre>{@code
 * HoldView hold(OneHold asked) {
 *     return holds.one(asked.schoolId(), asked.holdId()).orElseThrow(...);
 * }
 *
 * record OneHold(String schoolId, UUID holdId) implements CheckedRequest {
 *     OneHold(RequestValues in) {
 *         this(PathIds.school(in), PathIds.uuid(in, "holdId"));
 *     }
 * }
 * }</pre>
 * A request with a JSON body takes it as the constructor's second parameter, a record Jackson reads
 * as is (strictly: {@link RequestJson}), and checks it with the same values, so that a faulty path
 * and a faulty body are named in one refusal. For {@code POST /api/v1/schools/{schoolId}/checkouts}:
 * <pre>{@code
 * record Checkout(String schoolId, String barcode, String patronId, CheckoutRequest body) implements CheckedRequest {
 *     Checkout(RequestValues in, CheckoutRequest body) {
 *         this(PathIds.school(in), in.check().matching("barcode", body.barcode(), LocalId.FORMAT),
 *                 in.check().matching("patronId", body.patronId(), LocalId.FORMAT), body);
 *     }
 * }
 *
 * record CheckoutRequest(String barcode, String patronId) {
 * }
 * }</pre>
 * A body with many checks keeps them in its own method taking the request's {@link RequestCheck},
 * which makes the command only when they passed ({@link RequestCheck#ifPassed}); a check against
 * today uses {@link RequestValues#today()}, from the injected clock.
 * <p>
 * The record reads every value it takes, whatever the others hold: the API document learns its
 * parameters by building it from a request that sends none ({@link CheckedRequests#parametersOf}),
 * and documents the body the constructor takes as the operation's body.
 * <p>
 * Why checks in code rather than Bean Validation's annotations: the API's refusals are
 * {@code VALIDATION_FAILED} with each field's own message key and arguments ({@code format} with
 * its pattern, {@code range} with its bounds, {@code notBefore} naming the other day), listed in
 * the order the fields come, with text NFC-normalised and ids read into their types on the way.
 * {@link RequestCheck} already says each of these once; annotations would need a mapping for every
 * constraint, a second way for the checks that span fields, and would still leave the reading of
 * values to the controller.
 */
public interface CheckedRequest {
}
