package vn.motsach.command.publishing;

/**
 * The events topic against the event store: {@code head} is the store's last position,
 * {@code published} the position the publisher has had acknowledged by Kafka (its slowest
 * segment), {@code remaining} the difference; {@code republishing} while a republish asked on this
 * instance has not yet reached the head of the store at the time it was asked; {@code segments}
 * the publisher's segments this instance has claimed.
 */
public record EventTopicView(long head, long published, long remaining, boolean republishing, int segments) {
}
