package vn.motsach.query.authorities;

/**
 * The tree of authorities as SQL: the platform's {@code authority_tree}, which the command side
 * keeps with the tree's events (an authority no one placed in the tree stands alone).
 */
public final class AuthorityTreeSql {

    /**
     * A common table {@code below(authority_id)}: the authority bound to {@code :authority} and
     * every authority below it, at any depth. Starts a {@code with recursive} clause.
     */
    public static final String BELOW = """
            with recursive below (authority_id, depth) as (
              select cast(:authority as varchar), 0
              union
              select t.authority_id, below.depth + 1 from authority_tree t join below on t.parent_id = below.authority_id
              where below.depth < 16)
            """;

    private AuthorityTreeSql() {
    }
}
