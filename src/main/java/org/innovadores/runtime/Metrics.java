package org.innovadores.runtime;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What this instance counts and times as it works, in a registry of its own (Prometheus' client
 * library), written out in the text format by the admin metrics endpoint next to the figures read
 * from the database. Endpoints are named by their templates, so the series stay few.
 */
@ApplicationScoped
public class Metrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();

    private final Histogram requests = Histogram.builder().name("innovadores_http_request_duration_seconds")
            .help("Time to answer a request, by endpoint (method and path template)").labelNames("endpoint")
            .classicOnly().classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5).register(registry);

    private final Counter launches = Counter.builder().name("innovadores_lti_launches")
            .help("LTI launches, accepted or refused, and the validation step that refused them").labelNames("outcome", "step")
            .register(registry);

    public Metrics() {
        launches.initLabelValues("accepted", ""); // a series from the start, so a rate over it is defined before the first launch
    }

    public void answered(String endpoint, long nanos) {
        requests.labelValues(endpoint).observe(nanos / 1e9);
    }

    public void launch(boolean accepted, String step) {
        launches.labelValues(accepted ? "accepted" : "refused", accepted ? "" : step).inc();
    }

    /** The registry in the Prometheus text format. */
    public String text() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
