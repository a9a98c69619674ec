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

    private String languageTag;

    /** Notes the person's language tag; it is read only when an error page needs it. */
    public void use(String languageTag) {
        this.languageTag = languageTag;
    }

    public Optional<Texts> known() {
        return languageTag == null ? Optional.empty() : Optional.of(Texts.forTag(languageTag));
    }
}
