package vn.motsach.query.web;

import java.util.List;

/** A page of a longer list: {@code page} from 0, {@code totalItems} across all pages. */
public record PageView<T>(List<T> items, int page, int size, long totalItems) {
}
