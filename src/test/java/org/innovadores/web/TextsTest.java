package org.innovadores.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void spanishAndEnglishHaveExactlyTheSameKeysAndNoEmptyText() throws IOException {
        Properties es = load("es");
        Properties en = load("en");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(es.stringPropertyNames());
        es.forEach((k, v) -> assertThat(v.toString()).as("es " + k).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
    }

    @Test
    void spanishIsTheDefaultAndEnglishIsChosenFromLocaleTagsAndHeaders() {
        assertThat(Texts.forTag(null).lang()).isEqualTo("es");
        assertThat(Texts.forTag("en").lang()).isEqualTo("en");
        assertThat(Texts.forTag("en_US").lang()).isEqualTo("en");
        assertThat(Texts.forTag("es-419").lang()).isEqualTo("es");
        assertThat(Texts.forTag("pt-BR").lang()).isEqualTo("es");
        assertThat(Texts.forAcceptLanguage("fr-CH, en;q=0.8, es;q=0.5").lang()).isEqualTo("en");
        assertThat(Texts.forAcceptLanguage(";;;garbage=q").lang()).isEqualTo("es");
        assertThat(Texts.forTag("en").get("error.title")).isEqualTo("The request could not be completed");
        assertThat(Texts.forTag("es").format("error.status", 404)).isEqualTo("Código 404");
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
