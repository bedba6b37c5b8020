package vn.motsach.query.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.query.copies.CopyState;
import vn.motsach.testing.UpgradeSchema;

/**
 * A database that ran the catalogue with its own copy table, a copies projection ("copy-status")
 * and barcodes in the titles' documents (V11) is upgraded in place: the copies stay, both
 * processors start again from the first event (the catalogue then applies what the copies
 * projection had not), other processors keep their place, and the documents lose their barcodes,
 * which the copies' own index finds instead. A copy the catalogue kept as on loan is on loan
 * through its open loan (V15).
 */
class CatalogueUpgradeIT {

    private static final String SCHEMA = "catalogue_upgrade";
    private static final MigrationSet QUERY = new MigrationSet("query", "classpath:db/query");

    private static JdbcClient jdbc;
    private static UpgradeSchema schema;

    @BeforeAll
    static void databaseAtV11() {
        schema = UpgradeSchema.at(SCHEMA, QUERY, "11");
        jdbc = schema.jdbc();
    }

    @AfterAll
    static void dropSchema() {
        schema.drop();
    }

    @Test
    void keepsTheCopiesAndReplaysTheCatalogue() {
        jdbc.sql("""
                insert into qs_catalogue_title (school_id, title_id, title, authors, subjects, doc_type, catalogued_at,
                                                sort_key, search_doc, last_position)
                values ('s', '00000000-0000-0000-0000-000000000001', 'Dế Mèn phiêu lưu ký', array['Tô Hoài'], array['Thiếu nhi'],
                        'CHILDREN', now(), qs_fold('Dế Mèn phiêu lưu ký'),
                        qs_catalogue_doc('Dế Mèn phiêu lưu ký', array['Tô Hoài'], array['Thiếu nhi'], null, 'TN-0042'), 7)""")
                .update();
        jdbc.sql("""
                insert into qs_catalogue_copy (school_id, barcode, title_id, status, loanable, state_position)
                values ('s', 'TN-0042', '00000000-0000-0000-0000-000000000001', 'ON_LOAN', true, 9)""").update();
        jdbc.sql("""
                insert into qs_copy (school_id, barcode, title_id, title, doc_type, loanable, status, patron_id, state_position)
                values ('s', 'TN-0042', '00000000-0000-0000-0000-000000000001', 'Dế Mèn phiêu lưu ký', 'CHILDREN', true,
                        'ON_LOAN', 'hs-001', 9)""").update();
        jdbc.sql("""
                insert into qs_loan (school_id, loan_id, barcode, title_id, title, patron_id, borrowed_at, due_on, last_position)
                values ('s', '00000000-0000-0000-0000-0000000000aa', 'TN-0042', '00000000-0000-0000-0000-000000000001',
                        'Dế Mèn phiêu lưu ký', 'hs-001', now(), date '2026-09-21', 9)""").update();
        for (String processor : List.of("catalogue", "copy-status", "loans")) {
            jdbc.sql("insert into tokenentry (processorname, segment) values (?, 0)").param(processor).update();
        }
        assertThat(words()).contains("tn", "0042");

        schema.upgrade();

        assertThat(jdbc.sql("select processorname from tokenentry").query(String.class).list()).containsExactly("loans");
        assertThat(jdbc.sql("select to_regclass('qs_catalogue_copy') is null").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select barcode || ' ' || status from qs_copy").query(String.class).list())
                .containsExactly("TN-0042 AVAILABLE");
        assertThat(jdbc.sql("select c.barcode || ' ' || %s || ' ' || l.patron_id from qs_copy c %s"
                        .formatted(CopyState.STATUS, CopyState.OPEN_LOAN))
                .query(String.class).list()).containsExactly("TN-0042 ON_LOAN hs-001");
        assertThat(words()).containsExactlyInAnyOrder("de", "men", "phieu", "luu", "ky", "to", "hoai", "thieu", "nhi");
        assertThat(jdbc.sql("""
                        select c.title_id::text from qs_copy c
                        where c.school_id = 's' and lower(c.barcode) = lower('tn-0042')""")
                .query(String.class).list()).containsExactly("00000000-0000-0000-0000-000000000001");
    }

    private static List<String> words() {
        return jdbc.sql("select unnest(tsvector_to_array(search_doc)) from qs_catalogue_title").query(String.class).list();
    }
}
