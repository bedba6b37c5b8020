package vn.motsach.infra.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tree as the platform schema keeps it ({@code authority_tree}, written by the command side
 * with the tree's events). Read on every authority-scoped request and never cached: a province
 * is at most three levels deep, so the walk is a few primary-key reads, and a new commune office
 * is reachable by its province at once, on every instance.
 */
final class JdbcAuthorityLines implements AuthorityLines {

    private final JdbcClient jdbc;

    JdbcAuthorityLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<List<String>> lineOf(String authorityId) {
        List<String> line = jdbc.sql("""
                        with recursive line (authority_id, parent_id, depth) as (
                          select authority_id, parent_id, 0 from authority_tree where authority_id = ?
                          union all
                          select t.authority_id, t.parent_id, line.depth + 1
                          from authority_tree t join line on t.authority_id = line.parent_id
                          where line.depth < 16)
                        select authority_id from line order by depth""")
                .param(authorityId)
                .query(String.class)
                .list();
        return line.isEmpty() ? Optional.empty() : Optional.of(line);
    }
}
