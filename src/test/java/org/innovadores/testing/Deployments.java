package org.innovadores.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that `mvn package` built, exactly as deploy/run ships it, plus the given test classes. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive toolWar(Class<?>... testClasses) {
        File war = new File(System.getProperty("tool.war", "target/innovadores.war"));
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        archive.addClasses(testClasses);
        return archive;
    }
}
