package org.innovadores.lti;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Drops expired login states every ten minutes; a used one is kept to its expiry, so a replay still finds it used. */
@Singleton
public class Housekeeping {

    @Inject
    LoginStates states;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void dropExpiredLoginStates() {
        states.dropExpired();
    }
}
