package io.walletrecon.reports.overview;

import io.smallrye.mutiny.Uni;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import io.walletrecon.reports.statements.ReportPlanner;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The console's overview of every account over a period: one use case, read-only. */
@ApplicationScoped
public class OverviewService {

    static final String TITLE = "Overview";

    private final OverviewRepository repository;

    public OverviewService(OverviewRepository repository) {
        this.repository = repository;
    }

    /** The overview of {@code company}'s accounts (null: every account) from {@code from} to {@code to}. */
    public Uni<OverviewView> overview(LocalDate from, LocalDate to, String company) {
        checkPeriod(from, to);
        return checkCompany(company).chain(() -> repository.accounts(from, to, company)
                .chain(accounts -> repository.exceptionAges(from, to, company)
                        .chain(ages -> repository.openOfType(from, to, company, "unidentified_receipt")
                                .chain(unidentified -> repository
                                        .openOfType(from, to, company, "settlement_not_arrived")
                                        .chain(notArrived -> repository.awaitingApproval(company)
                                                .map(awaiting -> new OverviewView(TITLE, from, to, company,
                                                        accounts.stream().map(OverviewView.AccountLine::from).toList(),
                                                        ages.stream().map(OverviewView.ExceptionAges::from).toList(),
                                                        totals(unidentified), totals(notArrived),
                                                        totals(awaiting))))))));
    }

    private Uni<Void> checkCompany(String company) {
        if (company == null) {
            return Uni.createFrom().voidItem();
        }
        return repository.companyExists(company).invoke(found -> {
            if (!found) {
                throw ApiException.unprocessable("No company with code '" + company + "'",
                        List.of(ProblemError.field("company", "names no company")));
            }
        }).replaceWithVoid();
    }

    private static List<OverviewView.Total> totals(List<OverviewRepository.TotalRow> rows) {
        return rows.stream().map(OverviewView.Total::from).toList();
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        List<ProblemError> errors = new ArrayList<>();
        ReportPlanner.checkPeriod(from, to, errors);
        Validation.refuseIfAny(errors);
    }
}
