/**
 * LTI 1.3 and LTI Advantage, and nothing else: registration (by file and dynamic), OIDC login,
 * id_token validation, the tool's keys. Nothing outside this package parses a JWT or names a
 * purl.imsglobal.org claim; the rest of the tool sees a validated {@link org.innovadores.lti.Launch}.
 */
package org.innovadores.lti;
