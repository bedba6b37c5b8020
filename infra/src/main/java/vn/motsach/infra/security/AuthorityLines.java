package vn.motsach.infra.security;

import java.util.List;
import java.util.Optional;

/**
 * Where an authority stands in the tree of supervising authorities: the authorities that see
 * what it sees. Security asks, to let an authority's administrator reach every authority below
 * their own at any depth; the sides that hold the tree answer. Without an answer (a side that
 * has no tree) an authority reaches its own paths only.
 */
public interface AuthorityLines {

    /** The authority and those above it, nearest first; empty when the tree does not know it. */
    Optional<List<String>> lineOf(String authorityId);
}
