package org.innovadores.lti;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.PostConstruct;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.runtime.RateLimiter;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/**
 * OIDC third-party login initiation (Security Framework §5.1.1). The platform sends it by GET or,
 * like Moodle, by an auto-submitted POST; the tool answers with the authentication request.
 */
@jakarta.enterprise.context.ApplicationScoped
@Path("lti/login")
public class LoginInitiationResource {

    private static final Logger LOG = Logger.getLogger(LoginInitiationResource.class.getName());

    /** The cookie that binds a state to the browser that started the login. */
    static final String STATE_COOKIE_PREFIX = "lti_state_";

    @Inject
    PlatformRegistry registry;

    @Inject
    LoginStates loginStates;

    @Inject
    ToolUrls urls;

    @Inject
    Pages pages;

    @Inject
    @ConfigProperty(name = "lti.login.rate-per-address", defaultValue = "300")
    int ratePerAddress;

    @Inject
    @ConfigProperty(name = "lti.login.rate-per-platform", defaultValue = "3000")
    int ratePerPlatform;

    @Inject
    HttpServletRequest servletRequest;

    /**
     * Each login writes a state: an address (a whole office behind one NAT counts as one) or a
     * platform may start this many a minute, with a burst of a third of it.
     */
    private RateLimiter perAddress;
    private RateLimiter perPlatform;

    @PostConstruct
    void limits() {
        perAddress = new RateLimiter(Math.max(1, ratePerAddress / 3), ratePerAddress);
        perPlatform = new RateLimiter(Math.max(1, ratePerPlatform / 3), ratePerPlatform);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response get(@QueryParam("iss") String iss, @QueryParam("login_hint") String loginHint,
                        @QueryParam("target_link_uri") String targetLinkUri,
                        @QueryParam("lti_message_hint") String messageHint, @QueryParam("client_id") String clientId,
                        @QueryParam("lti_deployment_id") String deploymentId,
                        @QueryParam("lti_storage_target") String storageTarget) {
        return initiate(iss, loginHint, targetLinkUri, messageHint, clientId, deploymentId, storageTarget);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response post(@FormParam("iss") String iss, @FormParam("login_hint") String loginHint,
                         @FormParam("target_link_uri") String targetLinkUri,
                         @FormParam("lti_message_hint") String messageHint, @FormParam("client_id") String clientId,
                         @FormParam("lti_deployment_id") String deploymentId,
                         @FormParam("lti_storage_target") String storageTarget) {
        return initiate(iss, loginHint, targetLinkUri, messageHint, clientId, deploymentId, storageTarget);
    }

    Response initiate(String iss, String loginHint, String targetLinkUri, String messageHint, String clientId,
                      String deploymentId, String storageTarget) {
        if (!perAddress.allow(servletRequest.getRemoteAddr())) throw tooMany("address " + servletRequest.getRemoteAddr());
        if (iss == null || iss.isBlank() || iss.length() > 1000 || (clientId != null && clientId.length() > 255)) {
            throw refuse("lti.error.login.issuer", "no or over-long iss");
        }
        Platform platform = platform(iss, clientId);
        if (registry.disabled(platform.id())) {
            LOG.info(() -> "LTI login refused: platform " + iss + " is disabled");
            throw ClientError.forbidden("lti.error.platformDisabled");
        }
        if (!perPlatform.allow(platform.id().toString())) throw tooMany("platform " + iss);
        if (loginHint == null || loginHint.isBlank()) throw refuse("lti.error.login.hint", "no login_hint");
        if (loginHint.length() > 1000 || (messageHint != null && messageHint.length() > 2000)
                || (deploymentId != null && deploymentId.length() > 255)) {
            throw refuse("lti.error.login.tooLong", "over-long login parameter");
        }
        // Security Framework §5.1.1: the tool must not redirect to a target off its own site.
        if (targetLinkUri == null || targetLinkUri.length() > 2000 || !urls.isOwn(targetLinkUri)) {
            throw refuse("lti.error.login.target", "target_link_uri off the tool's site: " + targetLinkUri);
        }
        String target = storageTarget != null && storageTarget.matches("[A-Za-z0-9_.-]{1,100}") ? storageTarget : null;
        LoginState state = loginStates.issue(platform, loginHint, messageHint, targetLinkUri, deploymentId, target);

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("scope", "openid");
        parameters.put("response_type", "id_token");
        parameters.put("response_mode", "form_post");
        parameters.put("prompt", "none");
        parameters.put("client_id", platform.clientId());
        parameters.put("redirect_uri", urls.launch());
        parameters.put("login_hint", loginHint);
        parameters.put("state", state.state());
        parameters.put("nonce", state.nonce());
        parameters.put("lti_message_hint", messageHint);
        URI location = URI.create(QueryString.append(platform.authorizationEndpoint(), parameters));

        String cookie = stateCookie(state.state(), state.browserSecret(), (int) LoginStates.LIFETIME.toSeconds());
        if (target == null) {
            return Response.status(Response.Status.FOUND).location(location).header("Set-Cookie", cookie).build();
        }
        // Client-side postMessage storage: keep the browser secret in the platform's storage too,
        // for browsers that refuse the tool's cookie inside the LMS iframe.
        Texts t = Texts.forAcceptLanguage(servletRequest.getHeader("Accept-Language")); // before any session
        String html = pages.render("lti/storage-put.jte", new StoragePut(Page.anonymous(t.get("lti.wait"), t),
                target, origin(platform.authorizationEndpoint()), STATE_COOKIE_PREFIX + state.state(),
                state.browserSecret(), location.toString()));
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Set-Cookie", cookie).build();
    }

    public record StoragePut(Page page, String target, String origin, String key, String value, String next) {
    }

    private Platform platform(String iss, String clientId) {
        if (clientId != null && !clientId.isBlank()) {
            return registry.platform(iss, clientId).orElseThrow(() -> refuse("lti.error.login.issuer",
                    "unknown issuer/client " + iss + " " + clientId));
        }
        List<Platform> ofIssuer = registry.platformsOf(iss);
        if (ofIssuer.size() == 1) return ofIssuer.getFirst();
        throw refuse("lti.error.login.issuer", "unknown issuer " + iss + ", or several clients and no client_id");
    }

    static String stateCookie(String state, String value, int maxAgeSeconds) {
        // SameSite=None because the id_token arrives by a cross-site POST; Partitioned so browsers
        // that block third-party cookies still keep it for the LMS's site (CHIPS).
        return STATE_COOKIE_PREFIX + state + "=" + value + "; Path=/lti/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; Secure; SameSite=None; Partitioned";
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static volatile long lastTooManyLog;

    /** Logged at most once a minute: a flood must not flood the log too. */
    private static ClientError tooMany(String who) {
        long now = System.nanoTime();
        if (now - lastTooManyLog > 60_000_000_000L) {
            lastTooManyLog = now;
            LOG.warning(() -> "LTI logins refused: too many from " + who + " (further refusals this minute are not logged)");
        }
        return new ClientError(Response.Status.TOO_MANY_REQUESTS, "error.tooMany");
    }

    private static ClientError refuse(String key, String detail) {
        LOG.info(() -> "LTI login refused: " + detail);
        return ClientError.badRequest(key);
    }
}
