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
 * The record reads every value it takes, whatever the others hold: the API document learns its
 * parameters by building it from a request that sends none ({@link CheckedRequests#parametersOf}).
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
