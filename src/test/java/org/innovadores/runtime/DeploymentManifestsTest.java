package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes base (deploy/kubernetes/base) agrees with the application: the image is this
 * build's, the container port is the PORT it is told, the probes ask the health paths the tool
 * answers, every environment variable set is one the tool reads, and the objects refer to each other
 * by the names they have.
 */
class DeploymentManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("project.dir", "."));
    static final Path BASE = ROOT.resolve("deploy/kubernetes/base");

    @Test
    @SuppressWarnings("unchecked")
    void theBaseDescribesThisApplication() throws IOException {
        Map<String, Object> kustomization = load(BASE.resolve("kustomization.yaml"));
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        for (String file : (List<String>) kustomization.get("resources")) {
            Map<String, Object> object = load(BASE.resolve(file));
            byKind.put((String) object.get("kind"), object);
        }
        assertThat(byKind).containsOnlyKeys("ConfigMap", "Secret", "Deployment", "Service", "Ingress", "PodDisruptionBudget",
                "HorizontalPodAutoscaler");

        Map<String, Object> config = (Map<String, Object>) byKind.get("ConfigMap").get("data");
        Map<String, Object> secret = (Map<String, Object>) byKind.get("Secret").get("stringData");
        Map<String, Object> deployment = byKind.get("Deployment");
        Map<String, Object> template = (Map<String, Object>) at(deployment, "spec", "template");
        Map<String, Object> container = ((List<Map<String, Object>>) at(template, "spec", "containers")).getFirst();

        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String artifact = first(pom, "<artifactId>([^<]+)</artifactId>");
        String version = first(pom, "<version>([^<]+)</version>");
        assertThat(container.get("image")).as("this build's image").isEqualTo(artifact + ":" + version);

        Map<String, Object> port = ((List<Map<String, Object>>) container.get("ports")).getFirst();
        assertThat(String.valueOf(port.get("containerPort"))).as("the port the tool is told to listen on").isEqualTo(config.get("PORT"));
        assertThat(config.get("HTTP_ADDRESS")).as("reachable from the pod's network").isEqualTo("0.0.0.0");
        for (String probe : List.of("startupProbe", "readinessProbe")) {
            assertThat(at(container, probe, "httpGet", "path")).isEqualTo("/health/ready");
            assertThat(at(container, probe, "httpGet", "port")).isEqualTo(port.get("name"));
        }
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/health/live");
        assertThat(at(container, "lifecycle", "preStop", "exec", "command")).as("a drain before SIGTERM").isNotNull();
        assertThat(at(template, "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);

        Set<String> read = environmentTheToolReads();
        Set<String> set = new TreeSet<>(config.keySet());
        set.addAll(secret.keySet());
        assertThat(read).as("variables the manifests set").containsAll(set);
        assertThat(secret).as("credentials only in the Secret").containsKeys("DB_PASSWORD", "ADMIN_TOKEN", "MEDIA_S3_SECRET_KEY");
        assertThat(config).doesNotContainKeys("DB_PASSWORD", "ADMIN_TOKEN", "MEDIA_S3_SECRET_KEY", "MAIL_PASSWORD");

        String name = (String) at(deployment, "metadata", "name");
        Map<String, Object> labels = (Map<String, Object>) at(template, "metadata", "labels");
        assertThat(labels).containsAllEntriesOf((Map<String, Object>) at(deployment, "spec", "selector", "matchLabels"));
        assertThat(labels).containsAllEntriesOf((Map<String, Object>) at(byKind.get("Service"), "spec", "selector"));
        assertThat(labels).containsAllEntriesOf((Map<String, Object>) at(byKind.get("PodDisruptionBudget"), "spec", "selector", "matchLabels"));
        assertThat(at(byKind.get("HorizontalPodAutoscaler"), "spec", "scaleTargetRef", "name")).isEqualTo(name);
        Map<String, Object> servicePort = ((List<Map<String, Object>>) at(byKind.get("Service"), "spec", "ports")).getFirst();
        assertThat(servicePort.get("targetPort")).isEqualTo(port.get("name"));
        Map<String, Object> rule = ((List<Map<String, Object>>) at(byKind.get("Ingress"), "spec", "rules")).getFirst();
        Map<String, Object> backend = (Map<String, Object>) at(((List<Map<String, Object>>) at(rule, "http", "paths")).getFirst(), "backend", "service");
        assertThat(backend.get("name")).isEqualTo(at(byKind.get("Service"), "metadata", "name"));
        assertThat(at(backend, "port", "name")).isEqualTo(servicePort.get("name"));
        assertThat(at(byKind.get("Ingress"), "spec", "tls")).as("TLS at the proxy").isNotNull();
    }

    /**
     * Every MicroProfile Config key the code reads, as its environment name (upper case, "." and "-"
     * as "_"), and the variables deploy/run itself reads.
     */
    static Set<String> environmentTheToolReads() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern key = Pattern.compile("(?:@ConfigProperty\\(name = |getOptionalValue\\(|MPCONFIG=)\"?([a-z][a-z0-9.\\-]+)");
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ROOT.resolve("src/main"))) {
            walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".xml")).forEach(sources::add);
        }
        for (Path source : sources) {
            Matcher m = key.matcher(Files.readString(source));
            while (m.find()) names.add(m.group(1).toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        Matcher run = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]+)").matcher(Files.readString(ROOT.resolve("deploy/run")));
        while (run.find()) names.add(run.group(1));
        return names;
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> map, String... path) {
        Object here = map;
        for (String step : path) here = here == null ? null : ((Map<String, Object>) here).get(step);
        return here;
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static Map<String, Object> load(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }
}
