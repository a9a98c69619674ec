package org.innovadores.lti;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registrations by hand: each lti-config/platforms/*.json names one platform. Read at start; a file
 * with problems is skipped and its problems logged one by one, naming the file.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class PlatformFiles {

    private static final Logger LOG = Logger.getLogger(PlatformFiles.class.getName());

    /** What one file gave: a registration, or what is wrong with it. */
    public record Outcome(Path file, PlatformRegistration registration, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    @Inject
    @ConfigProperty(name = "lti.config.dir", defaultValue = "./lti-config")
    String configDir;

    @Inject
    PlatformRegistry registry;

    @Inject
    Outbound outbound;

    private volatile List<Outcome> outcomes = List.of();

    @PostConstruct
    void loadAtStart() {
        List<Outcome> read = readAll(Path.of(configDir).resolve("platforms"), outbound::plainHttpAllowed);
        for (Outcome outcome : read) {
            if (outcome.valid()) {
                Platform platform = registry.register(outcome.registration(), Platform.Source.FILE);
                LOG.info(() -> "Platform " + platform.issuer() + " (client " + platform.clientId() + ") registered from "
                        + outcome.file().getFileName());
            } else {
                outcome.problems().forEach(problem ->
                        LOG.severe(() -> "Skipped " + outcome.file() + ": " + problem));
            }
        }
        outcomes = read;
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    static List<Outcome> readAll(Path folder) {
        return readAll(folder, Outbound::isLoopbackHost);
    }

    static List<Outcome> readAll(Path folder, java.util.function.Predicate<String> plainHttpHost) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(f -> read(f, plainHttpHost)).toList();
        } catch (IOException e) {
            LOG.severe(() -> "Cannot list " + folder + ": " + e.getMessage());
            return List.of();
        }
    }

    static Outcome read(Path file, java.util.function.Predicate<String> plainHttpHost) {
        JsonObject json;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader parser = Json.createReader(reader)) {
            json = parser.readObject();
        } catch (IOException | RuntimeException e) {
            return new Outcome(file, null, List.of("not a JSON object (" + e.getMessage() + ")"));
        }
        List<String> problems = new ArrayList<>();
        List<String> deploymentIds = new ArrayList<>();
        JsonValue ids = json.get("deployment_ids");
        if (ids == null || ids.getValueType() != JsonValue.ValueType.ARRAY || ((JsonArray) ids).isEmpty()) {
            problems.add("deployment_ids must be a non-empty array of strings");
        } else {
            for (JsonValue id : (JsonArray) ids) {
                if (id instanceof JsonString s) deploymentIds.add(s.getString());
                else problems.add("deployment_ids must hold strings, found " + id);
            }
        }
        PlatformRegistration registration = new PlatformRegistration(
                text(json, "issuer", problems), text(json, "client_id", problems), text(json, "name", problems),
                text(json, "authorization_endpoint", problems), text(json, "token_endpoint", problems),
                text(json, "jwks_uri", problems), deploymentIds);
        problems.addAll(registration.problems(plainHttpHost));
        return new Outcome(file, registration, List.copyOf(problems));
    }

    private static String text(JsonObject json, String field, List<String> problems) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) return null;
        if (value instanceof JsonString s) return s.getString().strip();
        problems.add(field + " must be a string");
        return null;
    }
}
