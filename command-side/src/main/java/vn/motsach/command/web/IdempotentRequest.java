package vn.motsach.command.web;

/**
 * A POST as far as idempotency cares: the school whose keys it uses, the key (absent when the
 * client sent none), the operation (method and path) and the body.
 */
public record IdempotentRequest(String schoolId, String key, String operation, Object body) {
}
