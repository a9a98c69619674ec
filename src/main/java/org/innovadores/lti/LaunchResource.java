package org.innovadores.lti;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/**
 * The redirect URI (Security Framework §5.1.1.3): the platform form-posts id_token and state here.
 * A browser that did not send the state cookie, after a login that offered platform storage, first
 * gets a page that fetches the proof from the platform's storage and posts again.
 */
@jakarta.enterprise.context.ApplicationScoped
@Path("lti/launch")
public class LaunchResource {

    private static final Logger LOG = Logger.getLogger(LaunchResource.class.getName());

    @Inject
    IdTokenValidation validation;

    @Inject
    LoginStates loginStates;

    @Inject
    LaunchReceiver receiver;

    @Inject
    PlatformRegistry registry;

    @Inject
    Pages pages;

    @Inject
    ToolUrls urls;

    @Context
    HttpHeaders headers;

    @jakarta.inject.Inject
    org.innovadores.runtime.Metrics metrics;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state,
                           @FormParam("storage_check") String storageCheck,
                           @FormParam("storage_value") String storageValue) {
        if (state == null || state.isBlank() || state.length() > 64) {
            metrics.launch(false, "state");
            LOG.info("LTI launch refused at step 'state': no state posted");
            throw ClientError.badRequest("lti.error.state.unknown");
        }
        Cookie cookie = headers.getCookies().get(LoginInitiationResource.STATE_COOKIE_PREFIX + state);
        String cookieValue = cookie == null ? null : cookie.getValue();

        if (storageCheck != null && !fromOwnPage()) {
            // The platform-storage proof is posted by the tool's own storage page. The same proof posted
            // from another site is someone replaying their own login into a victim's browser.
            metrics.launch(false, "browser");
            LOG.warning("LTI launch refused at step 'browser': a platform-storage proof posted from another site");
            throw ClientError.forbidden("lti.error.state.browser");
        }
        if (cookieValue == null && storageCheck == null) {
            Optional<Response> storagePage = askPlatformStorage(idToken, state);
            if (storagePage.isPresent()) return storagePage.get();
        }

        ValidationResult result = validation.validate(idToken, state,
                new IdTokenValidation.BrowserProof(cookieValue, storageCheck, storageValue));
        metrics.launch(result.accepted(), result.accepted() ? "" : result.failedStep().name());
        if (!result.accepted()) {
            LOG.warning(result.logLine());
            if ("lti.error.state.browser".equals(result.refusalKey())) {
                return newWindowPage(state);
            }
            if ("lti.error.platformDisabled".equals(result.refusalKey())) throw ClientError.forbidden(result.refusalKey());
            throw ClientError.badRequest(result.refusalKey());
        }
        return Response.fromResponse(receiver.launched(result.launch()))
                .header("Set-Cookie", LoginInitiationResource.stateCookie(state, "", 0))
                .build();
    }

    /** The post came from a page of the tool itself: Fetch Metadata, else the Origin header. */
    private boolean fromOwnPage() {
        String site = headers.getHeaderString("Sec-Fetch-Site");
        if (site != null) return site.equals("same-origin");
        String origin = headers.getHeaderString("Origin");
        return origin != null && urls.isOwn(origin + "/");
    }

    /** The storage page: only for an unused state whose login named a platform storage target. */
    private Optional<Response> askPlatformStorage(String idToken, String state) {
        if (idToken == null || idToken.length() > IdTokenValidation.MAX_TOKEN_LENGTH) return Optional.empty();
        Optional<LoginState> login = loginStates.find(state);
        if (login.isEmpty() || login.get().storageTarget() == null || login.get().usedAt() != null) return Optional.empty();
        String check = loginStates.startStorageCheck(state);
        if (check == null) return Optional.empty();
        Texts t = Texts.forAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)); // before any session
        String html = pages.render("lti/storage-get.jte", new StorageGet(Page.anonymous(t.get("lti.wait"), t),
                login.get().storageTarget(), LoginInitiationResource.origin(platformAuthorization(login.get())),
                LoginInitiationResource.STATE_COOKIE_PREFIX + state, idToken, state, check));
        return Optional.of(Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build());
    }

    public record StorageGet(Page page, String target, String origin, String key, String idToken, String state,
                             String check) {
    }

    private String platformAuthorization(LoginState login) {
        return registry.platform(login.platformId()).map(Platform::authorizationEndpoint).orElseThrow();
    }

    /**
     * The last resort where the browser kept neither the cookie nor platform storage: start the
     * login again in a window of its own, where the tool is first-party.
     */
    private Response newWindowPage(String state) {
        Texts t = Texts.forAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)); // before any session
        String relaunch = loginStates.find(state).flatMap(login -> registry.platform(login.platformId()).map(platform -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("iss", platform.issuer());
            parameters.put("client_id", platform.clientId());
            parameters.put("login_hint", login.loginHint());
            parameters.put("target_link_uri", login.targetLinkUri());
            parameters.put("lti_message_hint", login.messageHint());
            parameters.put("lti_deployment_id", login.deploymentId());
            return QueryString.append("/lti/login", parameters);
        })).orElse(null);
        String html = pages.render("lti/new-window.jte", new NewWindow(Page.anonymous(t.get("lti.newWindow.title"), t), relaunch));
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    public record NewWindow(Page page, String relaunch) {
    }
}
