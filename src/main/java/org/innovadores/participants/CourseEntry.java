package org.innovadores.participants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.innovadores.lti.Launch;
import org.innovadores.lti.LaunchReceiver;

/** A validated launch becomes a session, and the person lands on the course's first page. */
@ApplicationScoped
public class CourseEntry implements LaunchReceiver {

    @Inject
    Sessions sessions;

    @Override
    public Response launched(Launch launch) {
        ToolSession session = sessions.start(launch);
        // A relative Location: right behind any proxy, whatever Host the request came with.
        return Response.status(Response.Status.SEE_OTHER).header("Location", "/course?s=" + sessions.linkToken(session))
                .header("Set-Cookie", sessions.cookieHeader(session)).build();
    }
}
