package io.walletrecon.console;

import io.quarkus.qute.TemplateData;
import io.walletrecon.accounts.AccountView;
import io.walletrecon.customers.CustomerView;
import io.walletrecon.data.PageView;
import io.walletrecon.dispatch.PaymentView;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.receivables.ImportResult;
import io.walletrecon.receivables.ReceivableView;
import io.walletrecon.reports.links.StatementLinkRequests;

/**
 * Every type a page template reads: Qute generates a value resolver for each at build time, so the native executable
 * renders the pages without reflection (templates here declare no parameter types). A page that shows a new type
 * lists it here.
 */
@TemplateData(target = Shell.class)
@TemplateData(target = Language.class)
@TemplateData(target = FormErrors.class)
@TemplateData(target = ProblemError.class)
@TemplateData(target = PageView.class)
@TemplateData(target = AccountView.class)
@TemplateData(target = PaymentView.class)
@TemplateData(target = PaymentView.BeneficiaryView.class)
@TemplateData(target = PaymentView.ApprovalView.class)
@TemplateData(target = PaymentView.AttemptView.class)
@TemplateData(target = PaymentView.HistoryView.class)
@TemplateData(target = PaymentPages.PaymentForm.class)
@TemplateData(target = CustomerView.class)
@TemplateData(target = CustomerView.IdentityView.class)
@TemplateData(target = ReceivableView.class)
@TemplateData(target = ImportResult.class)
@TemplateData(target = CustomerStatementPages.StatementView.class)
@TemplateData(target = CustomerStatementPages.Balance.class)
@TemplateData(target = CustomerStatementPages.Line.class)
@TemplateData(target = StatementLinkRequests.AnswerView.class)
final class TemplateModels {

    private TemplateModels() {
    }
}
