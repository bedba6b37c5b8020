package vn.motsach.infra.accounts;

import java.util.List;

/** A page of a longer list, in the contract's list shape: {@code page} from 0, {@code totalItems} across all pages. */
record Page<T>(List<T> items, int page, int size, long totalItems) {
}
