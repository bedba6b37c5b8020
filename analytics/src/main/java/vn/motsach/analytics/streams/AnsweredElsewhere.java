package vn.motsach.analytics.streams;

import org.springframework.http.ResponseEntity;

/** The answer of the instance that owns what a request asks about, to be sent back as it came. */
public final class AnsweredElsewhere extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ResponseEntity<byte[]> answer;

    AnsweredElsewhere(ResponseEntity<byte[]> answer) {
        super("Answered by the owning instance", null, false, false);
        this.answer = answer;
    }

    public ResponseEntity<byte[]> answer() {
        return answer;
    }
}
