package io.walletrecon.console;

import io.quarkus.qute.TemplateData;
import io.walletrecon.dispatch.PaymentPolicy;
import io.walletrecon.dispatch.PaymentPolicyService;

/**
 * The types the administration pages read, for the resolvers Qute generates at build time (the native executable
 * renders them without reflection).
 */
@TemplateData(target = AccountAdminPages.AccountForm.class)
@TemplateData(target = AccountAdminPages.MatchingForm.class)
@TemplateData(target = PolicyPages.PolicyForm.class)
@TemplateData(target = PaymentPolicy.class)
@TemplateData(target = PaymentPolicyService.ChangeView.class)
final class AdminScreens {

    private AdminScreens() {
    }
}
