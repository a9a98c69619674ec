package org.innovadores.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The language of the person a request came from, once their session is known, so that a page
 * made without the session at hand (an error page) still speaks their language rather than the
 * browser's.
 */
@RequestScoped
public class RequestLanguage {

    private Texts texts;

    public void use(Texts texts) {
        this.texts = texts;
    }

    public Optional<Texts> known() {
        return Optional.ofNullable(texts);
    }
}
