package org.innovadores.lti;

/** Claim names of LTI Core 1.3 (§5.3, §5.4), Deep Linking 2.0 and LTI Advantage services. */
final class LtiClaims {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String MESSAGE_TYPE = LTI + "message_type";
    static final String VERSION = LTI + "version";
    static final String DEPLOYMENT_ID = LTI + "deployment_id";
    static final String TARGET_LINK_URI = LTI + "target_link_uri";
    static final String RESOURCE_LINK = LTI + "resource_link";
    static final String ROLES = LTI + "roles";
    static final String CONTEXT = LTI + "context";
    static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
    static final String CUSTOM = LTI + "custom";
    static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

    static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    static final String VERSION_1_3 = "1.3.0";

    private LtiClaims() {
    }
}
