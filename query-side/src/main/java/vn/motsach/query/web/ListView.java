package vn.motsach.query.web;

import java.util.List;

/** A list answer of the contract: an object with its items, never a bare array. */
public record ListView<T>(List<T> items) {
}
