package org.innovadores.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before each test class, waits until the previous class's server has let go of the test HTTP port:
 * the container of one class may still be stopping when the next class starts its own, and Payara
 * Micro gives up at once on a busy port. Registered for every class (junit-platform.properties), so
 * it runs before the class's own extensions.
 */
public class PortFree implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        PayaraProcess.awaitPortFree(Integer.getInteger("it.http.port", 18080));
    }
}
