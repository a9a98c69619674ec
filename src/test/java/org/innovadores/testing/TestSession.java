package org.innovadores.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test PostgreSQL before the first test of the JVM, so that Payara Micro, which the
 * Arquillian adapter starts before a test class runs, finds it there.
 */
public class TestSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean("it.integration")) {
            TestDatabase.postgres();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestDatabase.stop();
    }
}
