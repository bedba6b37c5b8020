package vn.motsach.query.web;

import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/** Which page a query asks for: {@code page} from 0, {@code size} 20 unless asked, at most 200. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** Far past any list a school has, and an offset PostgreSQL walks quickly. */
    public static final int MAX_PAGE = 100_000;

    /** The request's {@code page} and {@code size}, any problem recorded in its check. */
    public static PageRequest of(RequestValues in) {
        return of(in.check(), in.optional("page", Integer.class), in.optional("size", Integer.class));
    }

    /** Checks the paging parameters, recording any problem in {@code check}. */
    private static PageRequest of(RequestCheck check, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            check.problem("page", "minimum", 0);
        } else if (p > MAX_PAGE) {
            check.problem("page", "range", 0, MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            check.problem("size", "range", 1, MAX_SIZE);
        }
        return new PageRequest(Math.min(Math.max(p, 0), MAX_PAGE), Math.min(Math.max(s, 1), MAX_SIZE));
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> PageView<T> of(java.util.List<T> items, long totalItems) {
        return new PageView<>(items, page, size, totalItems);
    }
}
