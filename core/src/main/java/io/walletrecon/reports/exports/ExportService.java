package io.walletrecon.reports.exports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.console.Language;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.ProblemType;
import io.walletrecon.console.Language;
import io.walletrecon.reports.statements.ReportPlan;
import io.walletrecon.reports.statements.ReportQuery;
import io.walletrecon.reports.statements.ReportRepository;
import io.walletrecon.reports.statements.ReportResource;
import io.walletrecon.reports.statements.ReportService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Export jobs: a report rendered to a file in the background and kept in {@link ExportStorage}. Large reports go
 * this way because a Lambda response stops at 6 MB. In the server the job runs on the worker pool right after the
 * request commits; in Lambda the caller should run it from the jobs function (a frozen Lambda does not finish
 * background work), with the storage being an object store and the download a pre-signed link.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);
    static final Set<String> FORMATS = Set.of("csv", "xlsx", "pdf");
    static final long PROGRESS_EVERY = 10_000;

    private final ReportService reports;
    private final ReportRepository repository;
    private final ExportStorage storage;
    private final ExportRepository exports;
    private final AuditLog audit;
    private final ObjectMapper json;

    public ExportService(ReportService reports, ReportRepository repository, ExportStorage storage,
            ExportRepository exports, AuditLog audit,
            ObjectMapper json) {
        this.reports = reports;
        this.repository = repository;
        this.storage = storage;
        this.exports = exports;
        this.audit = audit;
        this.json = json;
    }

    /** A job to run; {@code language} the labels asked for, null when none was. */
    public record Started(UUID id, ReportPlan plan, String format, Language language) {
    }

    /**
     * Records the job (and who asked, in the audit trail); {@link #runStored} runs it once this has committed. Its
     * file is labelled in {@code language} (lang= or Accept-Language); when that is null, as the report answered
     * directly: CSV with the field names, XLSX and PDF in the configured language.
     */
    @WithTransaction
    public Uni<Started> start(String name, ReportQuery query, String format, Language language, String actor) {
        if (format == null || !FORMATS.contains(format)) {
            throw ApiException.invalid("format must be one of csv, xlsx, pdf",
                    List.of(ProblemError.field("format", "must be one of csv, xlsx, pdf")));
        }
        return reports.plan(name, query).chain(plan -> {
            if (!plan.name().formats().contains(format)) {
                throw new ApiException(ProblemType.NOT_ACCEPTABLE,
                        "PDF is available for reconciliation and customer-statement; export "
                                + plan.name().path + " as csv or xlsx");
            }
            UUID id = UUID.randomUUID();
            return exports.insert(id, plan.name().path, format, toJson(plan.parameters()), actor,
                    language == null ? null : language.tag)
                    .chain(() -> audit.record(actor, "report.export.requested", "report_export", id, null,
                            Map.of("report", plan.name().path, "format", format, "parameters", plan.parameters())))
                    .map(ignored -> new Started(id, plan, format, language));
        });
    }

    /**
     * Runs a queued export from its row (blocking): the work of the {@code background-work} function and of the
     * server's worker pool alike. The job is claimed with a conditional update ({@code queued → running}), so a job
     * delivered twice runs once. Returns the state the export is in afterwards.
     */
    public String runStored(UUID id) {
        Optional<ExportRepository.Claimed> claimed = exports.claim(id);
        if (claimed.isEmpty()) {
            return get(id).await().atMost(ExportRepository.WAIT).state();
        }
        ExportRepository.Claimed job = claimed.get();
        try {
            Map<String, String> parameters = json.readValue(job.parameters(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {
                    });
            ReportQuery query = ReportQuery.fromMap(parameters);
            ReportPlan plan = io.walletrecon.data.ReactiveBridge.await(() -> reports.plan(job.report(), query));
            run(new Started(id, plan, job.format(),
                    job.language() == null ? null : Language.of(job.language()).orElse(null)));
        } catch (Exception e) {
            fail(id, e);
        }
        return get(id).await().atMost(ExportRepository.WAIT).state();
    }

    /** The export could not be handed to its executor: it fails now rather than stay queued for ever. */
    public Uni<Void> handOverFailed(UUID id, Throwable e) {
        LOG.errorf(e, "export %s could not be handed over to its executor", id);
        return exports.failQueued(id, "the export could not be started; request it again");
    }

    private void run(Started job) {
        UUID id = job.id();
        Path tmp = null;
        try {
            long total = repository.count(job.plan().detail()).await().indefinitely();
            exports.rowsTotal(id, total);
            tmp = Files.createTempFile("walletrecon-export-", "." + job.format());
            long[] last = {0};
            LongConsumer progress = n -> {
                if (n - last[0] >= PROGRESS_EVERY) {
                    last[0] = n;
                    exports.rowsWritten(id, n);
                }
            };
            long rows;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
                rows = reports.write(job.plan(), job.format(), out, progress, job.language());
            }
            String key = id + "." + job.format();
            long bytes = storage.put(key, tmp, contentType(job.format()));
            exports.succeed(id, rows, key, ReportService.fileName(job.plan(), job.format()), contentType(job.format()),
                    bytes);
        } catch (Exception e) {
            fail(id, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (Exception ignored) {
                    // the file was moved into storage, or is a leftover temp file the OS cleans up
                }
            }
        }
    }

    private void fail(UUID id, Exception e) {
        LOG.errorf(e, "export %s failed", id);
        String message = e instanceof ApiException api
                ? api.getMessage()
                : "the export failed; see the server log for export " + id;
        exports.fail(id, message).await().atMost(ExportRepository.WAIT);
    }

    public Uni<ExportView> get(UUID id) {
        return stored(id).map(this::view);
    }

    private Uni<ExportRepository.Export> stored(UUID id) {
        return exports.find(id).map(found -> found.orElseThrow(() -> ApiException.notFound("No export " + id)));
    }

    /** The finished file: its bytes from local storage, or a pre-signed link to follow. */
    public record Download(ExportView view, Optional<InputStream> body, Optional<java.net.URI> link) {
    }

    public Uni<Download> download(UUID id) {
        return stored(id).map(export -> {
            if (export.state() != ExportState.SUCCEEDED) {
                throw ApiException.conflict("Export " + id + " is " + export.state().code()
                        + "; fetch the file once its state is succeeded");
            }
            try {
                Optional<java.net.URI> link = storage.link(export.storageKey(), Duration.ofMinutes(15));
                return new Download(view(export),
                        link.isPresent() ? Optional.empty() : storage.open(export.storageKey()), link);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private ExportView view(ExportRepository.Export e) {
        boolean done = e.state() == ExportState.SUCCEEDED;
        Long total = e.rowsTotal();
        Integer percent = done
                ? Integer.valueOf(100)
                : total == null || total == 0 ? null : (int) Math.min(99, e.rowsWritten() * 100 / total);
        String download = !done
                ? null
                : storage.link(e.storageKey(), Duration.ofMinutes(15)).map(Object::toString)
                        .orElse("/reports/exports/" + e.id() + "/file");
        return new ExportView(e.id(), e.report(), e.format(), e.state().code(), total, e.rowsWritten(), percent,
                e.fileName(), e.contentType(),
                e.bytes(), e.error(), e.createdAt().toInstant(),
                e.finishedAt() == null ? null : e.finishedAt().toInstant(), download);
    }

    /** The media type of a report file in {@code format} (csv, xlsx, pdf). */
    public static String contentType(String format) {
        return switch (format) {
            case "csv" -> "text/csv; charset=UTF-8";
            case "xlsx" -> ReportResource.XLSX;
            default -> ReportResource.PDF;
        };
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
