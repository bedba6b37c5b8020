package vn.motsach.query.patrons;

/**
 * SQL over the patrons projection's history tables, shared by the patron view and the class
 * roster so that "in a class on a date" and "active on a date" mean one thing.
 */
public final class Memberships {

    private Memberships() {
    }

    /**
     * Every membership interval {@code [valid_from, valid_until)} of the school's patrons; a
     * membership ends where the next one (by date, then by event position) begins. This is
     * {@link vn.motsach.events.patron.ClassHistory}'s rule, the one the command side decides
     * with, in SQL so that lists can filter and page on it: none before the first membership,
     * and of two from the same date the later holds (PatronProjectionIT holds them to agree).
     */
    public static final String INTERVALS = """
            select m.school_id, m.patron_id, m.class_id, m.valid_from,
                   lead(m.valid_from) over (partition by m.school_id, m.patron_id order by m.valid_from, m.position) as valid_until
            from qs_patron_membership m""";

    /**
     * Whether patron {@code p} is active on {@code :on}: their latest leaving or rejoining on or
     * before that date (by date, then by event position) was not a leaving.
     */
    public static final String ACTIVE_ON = """
            coalesce((select d.kind <> 'LEFT' from qs_patron_departure d
                      where d.school_id = p.school_id and d.patron_id = p.patron_id and d.on_date <= :on
                      order by d.on_date desc, d.position desc limit 1), true)""";

    /**
     * The class patron {@code p} belongs to on {@code :on}, joined as {@code c}: the membership
     * begun last on or before that date (by date, then by event position), or, before their first
     * one begins, the one they will join; its {@code class_id} is null when there is none.
     */
    public static final String CLASS_ON = """
            left join lateral (select m.class_id from qs_patron_membership m
                               where m.school_id = p.school_id and m.patron_id = p.patron_id
                               order by m.valid_from <= :on desc,
                                        case when m.valid_from <= :on then m.valid_from end desc,
                                        case when m.valid_from <= :on then m.position end desc,
                                        m.valid_from, m.position
                               limit 1) c on true""";
}
