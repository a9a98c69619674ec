package org.innovadores.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.innovadores.lti.Deployment;
import org.innovadores.lti.Platform;
import org.innovadores.lti.PlatformRegistration;
import org.innovadores.lti.PlatformRegistry;
import org.innovadores.lti.ToolUrls;

/**
 * The demo LMS as the tool sees it: a platform registered like any other (issuer, client, deployment,
 * authorization endpoint, JWKS), whose key is made at each start and never leaves memory. Its
 * id_tokens go through the same validation as a Moodle's.
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigrations", "ProgramSeed", "TemplateSeed"})
public class DemoPlatform {

    private static final Logger LOG = Logger.getLogger(DemoPlatform.class.getName());

    static final String CLIENT_ID = "innovadores-demo";
    static final String DEPLOYMENT_ID = "demo";

    @Inject
    DemoMode mode;

    @Inject
    ToolUrls urls;

    @Inject
    PlatformRegistry registry;

    @Inject
    DemoCourse course;

    private RSAKey key;
    private UUID deployment;

    @PostConstruct
    void start() {
        if (!mode.enabled()) return;
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("demo-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the demo platform's key", e);
        }
        Platform platform = registry.register(new PlatformRegistration(issuer(), CLIENT_ID, "LMS de demostración",
                urls.base() + "/demo/authorize", null, urls.base() + "/demo/jwks", List.of(DEPLOYMENT_ID)), Platform.Source.DEMO);
        // A platform an operator disabled once stays usable for a demo that is started again on purpose.
        registry.setDisabled(platform.id(), false);
        deployment = registry.deploymentsOf(platform).stream().filter(d -> d.deploymentId().equals(DEPLOYMENT_ID))
                .map(Deployment::id).findFirst().orElseThrow();
        course.seed(deployment);
        LOG.info(() -> "Demo LMS ready at " + urls.base() + "/demo");
    }

    public String issuer() {
        return urls.base() + "/demo";
    }

    /** The public half of this start's key, as the demo LMS publishes it. */
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    /** An id_token as an LMS signs it: for the tool, with the login's nonce, valid for five minutes. */
    public String sign(Map<String, Object> claims, String nonce) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", nonce)
                .claim("azp", CLIENT_ID)
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT_ID);
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a demo id_token", e);
        }
        return jwt.serialize();
    }
}
