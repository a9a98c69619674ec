package org.innovadores.participants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
        URI first = URI.create("/course?s=" + sessions.linkToken(session));
        return Response.seeOther(first).header("Set-Cookie", sessions.cookieHeader(session)).build();
    }
}
