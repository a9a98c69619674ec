package org.innovadores.lti;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/**
 * The tool's front door outside any LMS, for the administrator who just installed it: what it is,
 * the address to paste into Moodle's "Add LTI Advantage" (or how to get a one-time one), and the
 * values an LMS without dynamic registration asks for, each ready to copy. In the browser's language.
 */
@jakarta.enterprise.context.ApplicationScoped
@Path("")
public class HomeResource {

    @Inject
    Pages pages;

    @Inject
    ToolUrls urls;

    @Inject
    @ConfigProperty(name = "lti.registration.open", defaultValue = "false")
    boolean open;

    /** One value an LMS asks for: what the LMS calls it (a text key) and the value. */
    public record Value(String id, String labelKey, String value) {
    }

    public record Home(Page page, boolean openRegistration, String registration, List<Value> values) {
    }

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String home(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Texts t = Texts.forAcceptLanguage(acceptLanguage);
        String base = urls.base();
        List<Value> values = List.of(
                new Value("tool-url", "home.value.toolUrl", base + "/course"),
                new Value("login-url", "home.value.login", urls.login()),
                new Value("redirect-url", "home.value.redirect", urls.launch()),
                new Value("jwks-url", "home.value.jwks", urls.jwks()),
                new Value("deep-linking-url", "home.value.deepLinking", base + "/course"),
                new Value("domain", "home.value.domain", urls.domain()));
        return pages.render("lti/home.jte", new Home(Page.anonymous(t.get("home.title"), t), open, urls.registration(), values));
    }
}
