package io.walletrecon.console;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateGlobal;
import io.walletrecon.matching.MatchingViews;
import io.walletrecon.matching.RunHistoryService;
import io.walletrecon.matching.RunState;
import io.walletrecon.reports.overview.OverviewView;
import io.walletrecon.statements.StatementImportResult;
import io.walletrecon.statements.StatementViews;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Stream;

/**
 * The types the overview, statement and matching-run pages read (see {@link TemplateModels} for why they are listed),
 * and what those pages compute for display: a share as a percentage, whether a run is over.
 */
@TemplateData(target = OverviewView.class)
@TemplateData(target = OverviewView.AccountLine.class)
@TemplateData(target = OverviewView.ExceptionAges.class)
@TemplateData(target = OverviewView.Total.class)
@TemplateData(target = MatchingViews.RunView.class)
@TemplateData(target = StatementViews.StatementView.class)
@TemplateData(target = StatementViews.LineView.class)
@TemplateData(target = StatementViews.LineException.class)
@TemplateData(target = StatementImportResult.class)
@TemplateData(target = StatementImportResult.Statement.class)
@TemplateData(target = StatementPages.FileOutcome.class)
@TemplateData(target = RunPages.StartForm.class)
public final class ReconciliationModels {

    private ReconciliationModels() {
    }

    /** {@code {#for s in runStates}}: every run state, in the order a run lives them. */
    @TemplateGlobal
    public static List<String> runStates() {
        return RunHistoryService.stateCodes();
    }

    /** {@code {line.matchedShare.percent}}: 0.8750 as 87.5%; empty when there is nothing to share. */
    @TemplateExtension
    public static String percent(BigDecimal share) {
        return share == null
                ? ""
                : share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** {@code {#if line.balanced}}: book and reported balance agree (a difference of exactly zero). */
    @TemplateExtension
    public static boolean balanced(OverviewView.AccountLine line) {
        return line.differenceMinor() != null && line.differenceMinor() == 0L;
    }

    /** {@code {#if statement.worked}}: none of its lines is left unmatched. */
    @TemplateExtension
    public static boolean worked(StatementViews.StatementView statement) {
        return statement.unmatched() == 0;
    }

    /** {@code {#for r in line.references}}: the line's references as the bank or provider wrote them, each once. */
    @TemplateExtension
    public static List<String> references(StatementViews.LineView line) {
        return Stream.of(line.bankReference(), line.endToEndId(), line.merchantReference(), line.payoutId(),
                line.providerTxnId()).filter(r -> r != null && !r.isBlank()).distinct().toList();
    }

    /** {@code {#if run.over}}: the run is in a final state (nothing more will change). */
    @TemplateExtension
    public static boolean over(MatchingViews.RunView run) {
        RunState state = RunState.of(run.state());
        return state != RunState.QUEUED && state != RunState.RUNNING;
    }

    /** {@code {run.badge}}: the badge class of a run's state. */
    @TemplateExtension
    public static String badge(MatchingViews.RunView run) {
        return switch (RunState.of(run.state())) {
            case SUCCEEDED -> "ok";
            case QUEUED, RUNNING -> "";
            case FAILED, ABANDONED -> "bad";
            case REFUSED -> "warn";
        };
    }
}
