package dev.cairn.product.persistence;

import org.bson.BsonDocument;
import org.bson.codecs.configuration.CodecRegistries;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TextSearchTest {

    private static String render(org.bson.conversions.Bson filter) {
        return filter.toBsonDocument(BsonDocument.class,
                CodecRegistries.fromRegistries(com.mongodb.MongoClientSettings.getDefaultCodecRegistry())).toJson();
    }

    @Test
    void usesTheTextIndexWhenTheServerHasOne() {
        assertThat(render(new TextSearch(true).filter("copper kettle"))).contains("$text").contains("copper kettle");
    }

    @Test
    void fallbackEscapesEveryMetacharacter() {
        for (String input : new String[] {".*", "(", "$where", "[a-z]+", "^a|b$", "\\d{2}", "a/b", "#x"}) {
            String escaped = TextSearch.escape(input);
            assertThat(Pattern.compile(escaped).matcher(input).matches()).as(input).isTrue();
            assertThat(Pattern.compile(escaped).matcher("xyz").find()).as(input).isFalse();
        }
        String rendered = render(new TextSearch(false).filter("a.b"));
        assertThat(rendered).contains("$regularExpression").contains("a\\\\.b").doesNotContain("$text");
    }
}
