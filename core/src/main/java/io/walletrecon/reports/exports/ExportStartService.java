package io.walletrecon.reports.exports;

import io.smallrye.mutiny.Uni;
import io.walletrecon.background.BackgroundJob;
import io.walletrecon.background.BackgroundWork;
import io.walletrecon.console.Language;
import io.walletrecon.reports.statements.ReportQuery;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts an export job, the one way the API ({@code POST /reports/{name}/exports}) and the console's reports page do
 * it: the job is recorded (and audited) in its own transaction, then handed to its executor; a job that cannot be
 * handed over fails at once rather than stay queued.
 */
@ApplicationScoped
public class ExportStartService {

    private final ExportService exports;
    private final BackgroundWork background;

    public ExportStartService(ExportService exports, BackgroundWork background) {
        this.exports = exports;
        this.background = background;
    }

    /** The job as it stands once handed over; {@code language} labels the file (null: as the format defaults). */
    public Uni<ExportView> start(String name, ReportQuery query, String format, Language language, String actor) {
        return exports.start(name, query, format, language, actor)
                .call(job -> background.submit(BackgroundJob.reportExport(job.id()))
                        .onFailure().call(e -> exports.handOverFailed(job.id(), e)).onFailure().recoverWithNull())
                .chain(job -> exports.get(job.id()));
    }
}
