package org.chorus.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.UUID;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Names of the test cluster's containers and deployments (see arquillian.xml), and the deployment itself.
 */
public final class Cluster {

    public static final String NODE_1 = "node-1";
    public static final String NODE_2 = "node-2";
    public static final String DEPLOYMENT_1 = "chorus-on-node-1";
    public static final String DEPLOYMENT_2 = "chorus-on-node-2";
    /** The chat users' password on the test servers (their credentials file). */
    public static final String PASSWORD = Credentials.testServers().chat();
    /** The web module inside the EAR. */
    public static final String WAR = "chorus-web.war";
    /** The EJB module inside the EAR. */
    public static final String EJB = "chorus-ejb.jar";

    private Cluster() {
    }

    /** The base URL of a deployment, ending in "/" so that relative paths resolve below the context. */
    public static URI base(URL deployment) throws Exception {
        URI uri = deployment.toURI();
        return uri.getPath().endsWith("/") ? uri : URI.create(uri + "/");
    }

    /** A room name no earlier test used. */
    public static String freshRoom(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A client id no earlier send used. The protocol makes ids unique per user, and the dedupe window that holds them
     * outlives a test, a redeploy and a restart of the whole cluster: an id a test re-uses is acked with the first
     * send's seq and stores nothing.
     */
    public static String freshId(String prefix) {
        return freshRoom(prefix);
    }

    /** The EAR the build produced, exactly as ./chorus up deploys it, plus test-only classes in its web module. */
    public static EnterpriseArchive chorus(Class<?>... testOnly) {
        return chorus(Map.of(), testOnly);
    }

    /**
     * The EAR with test-only classes in its web module and settings in both modules (each its own
     * {@code META-INF/microprofile-config.properties}: MicroProfile Config reads a module's own, so the web tier's
     * settings and the EJB module's are each seen where they are read).
     */
    public static EnterpriseArchive chorus(Map<String, String> settings, Class<?>... testOnly) {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty(
                "chorus.ear")));
        if (testOnly.length == 0 && settings.isEmpty()) {
            return ear;
        }
        StringBuilder properties = new StringBuilder();
        settings.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addClasses(testOnly);
        war.addAsResource(new StringAsset(properties.toString()), "META-INF/microprofile-config.properties");
        JavaArchive ejb = ear.getAsType(JavaArchive.class, EJB);
        ejb.addAsManifestResource(new StringAsset(properties.toString()), "microprofile-config.properties");
        ear.delete(WAR);
        ear.delete(EJB);
        return ear.add(war, "/", ZipExporter.class).add(ejb, "/", ZipExporter.class);
    }
}
