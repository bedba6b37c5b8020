package vn.motsach.infra.accounts;

import java.util.List;
import vn.motsach.infra.web.RequestCheck;

/** Which page a list read asks for, as the contract says: {@code page} from 0, {@code size} 20 unless asked, at most 200. */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;
    /** Far beyond any list here; keeps the offset a number PostgreSQL takes. */
    private static final int MAX_PAGE = 1_000_000;

    /** Checks the paging parameters, recording any problem in {@code check}. */
    static Paging of(RequestCheck check, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || p > MAX_PAGE) {
            check.problem("page", "range", 0, MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            check.problem("size", "range", 1, MAX_SIZE);
        }
        return new Paging(Math.min(Math.max(p, 0), MAX_PAGE), Math.min(Math.max(s, 1), MAX_SIZE));
    }

    long offset() {
        return (long) page * size;
    }

    <T> Page<T> of(List<T> items, long totalItems) {
        return new Page<>(items, page, size, totalItems);
    }
}
