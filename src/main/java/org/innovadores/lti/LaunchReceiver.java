package org.innovadores.lti;

import jakarta.ws.rs.core.Response;

/**
 * Where a validated launch goes: the part of the tool that turns it into a person in a course and
 * answers with the first page. Implemented outside this package, so the protocol knows nothing of it.
 */
public interface LaunchReceiver {

    Response launched(Launch launch);
}
