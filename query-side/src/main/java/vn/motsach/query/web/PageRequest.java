package vn.motsach.query.web;

import vn.motsach.infra.web.RequestCheck;

/** Which page a query asks for: {@code page} from 0, {@code size} 20 unless asked, at most 200. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** Checks the paging parameters, recording any problem in {@code check}. */
    public static PageRequest of(RequestCheck check, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            check.problem("page", "minimum", 0);
        }
        if (s < 1 || s > MAX_SIZE) {
            check.problem("size", "range", 1, MAX_SIZE);
        }
        return new PageRequest(Math.max(p, 0), Math.min(Math.max(s, 1), MAX_SIZE));
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> PageView<T> of(java.util.List<T> items, long totalItems) {
        return new PageView<>(items, page, size, totalItems);
    }
}
