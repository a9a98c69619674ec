package org.innovadores.lti;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Drops expired login states every ten minutes; a used one is kept to its expiry, so a replay still finds it used. */
@Singleton
public class Housekeeping {

    /** Whose turn it is across the cluster: one instance runs this per period. */
    @jakarta.inject.Inject
    org.innovadores.runtime.ClusterTasks tasks;

    @Inject
    LoginStates states;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void dropExpiredLoginStates() {
        if (!tasks.turn("login-states", java.time.Duration.ofMinutes(10))) return;
        states.dropExpired();
    }
}
