package vn.motsach.query.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.testing.ProjectionDatabase;

/**
 * The search words and documents of the current functions are those of the functions they
 * replaced (V9, kept here as the reference; documents no longer hold barcodes), on the real
 * PostgreSQL: plain words, Vietnamese with every diacritic and đ, hyphens in ISBNs and barcodes,
 * punctuation, repeated and edge spaces, empty and missing fields, and random mixes of them all.
 */
class SearchWordsIT {

    private static final String[] PIECES = {"Dế Mèn", "phiêu lưu ký", "Đất rừng phương Nam", "ĐƯỜNG", "đ", "Ý", "978-604-2",
        "1-2-3", "TK-12-1", "x", "X-", "-9", "9-x", " ", "  ", " ; ", ", ", "Tập 2.", "(tái bản)", "C++", "a.b", "e-mail",
        "α-β", "Straße", "東京", "2020–2021", "\t", "'", "\"", "%", "_", "0", "ABC", "abc123"};

    private static JdbcClient jdbc;

    @BeforeAll
    static void referenceFunctions() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
        jdbc.sql("create schema if not exists search_words_reference").update();
        jdbc.sql("""
                create or replace function search_words_reference.former_words(t text) returns text language sql immutable strict as $$
                    select btrim(regexp_replace(regexp_replace(public.qs_fold(t), '([0-9])-(?=[0-9x])', '\\1', 'g'),
                                                '[^[:alnum:]]+', ' ', 'g')) $$""").update();
        jdbc.sql("""
                create or replace function search_words_reference.former_doc(title text, authors text[], subjects text[], isbn text,
                                                              barcodes text) returns tsvector language sql immutable as $$
                    select setweight(to_tsvector('simple', coalesce(search_words_reference.former_words(title), '')), 'A')
                        || setweight(to_tsvector('simple', coalesce(search_words_reference.former_words(array_to_string(authors, ' ; ')), '')), 'B')
                        || setweight(to_tsvector('simple', coalesce(search_words_reference.former_words(array_to_string(subjects, ' ; ')), '')), 'C')
                        || setweight(to_tsvector('simple',
                               coalesce(search_words_reference.former_words(coalesce(isbn, '') || ' ' || coalesce(barcodes, '')), '')), 'D') $$""")
                .update();
    }

    @Test
    void wordsAreThoseOfTheFormerFunction() {
        List<String> texts = new ArrayList<>(List.of("", " ", "nhung tam long cao ca", "Những tấm lòng cao cả tập 5",
                " leading", "trailing ", "two  spaces", "978-604-2-12345-6", "TK-12-1", "Đ", "abc-x", "1-x 2-X"));
        texts.addAll(randomTexts(400));
        for (String text : texts) {
            String[] both = jdbc.sql("select qs_words(:t), search_words_reference.former_words(:t)").param("t", text)
                    .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).single();
            assertThat(both[0]).as("words of [%s]", text).isEqualTo(both[1]);
        }
    }

    @Test
    void documentsAreThoseOfTheFormerFunction() {
        Random random = new Random(16_2022);
        List<String> texts = randomTexts(600);
        for (int i = 0; i + 4 < texts.size(); i += 5) {
            String[] authors = random.nextInt(4) == 0 ? new String[0] : new String[] {texts.get(i + 1), texts.get(i + 2)};
            String[] subjects = random.nextInt(4) == 0 ? new String[] {texts.get(i + 3)}
                    : new String[] {texts.get(i + 3), null, texts.get(i + 2)};
            String isbn = random.nextBoolean() ? null : texts.get(i + 4);
            String[] both = jdbc.sql("""
                            select qs_catalogue_doc(:title, cast(:authors as text[]), cast(:subjects as text[]), :isbn)::text,
                                   search_words_reference.former_doc(:title, cast(:authors as text[]), cast(:subjects as text[]),
                                                                     :isbn, null)::text""")
                    .param("title", texts.get(i)).param("authors", authors).param("subjects", subjects).param("isbn", isbn)
                    .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).single();
            assertThat(both[0]).as("document of [%s]", texts.get(i)).isEqualTo(both[1]);
        }
    }

    /** Texts of up to six random pieces, each followed by a space or not, so that pieces also run together. */
    private static List<String> randomTexts(int count) {
        Random random = new Random(21_04);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(7); p > 0; p--) {
                text.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextBoolean() ? " " : "");
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
