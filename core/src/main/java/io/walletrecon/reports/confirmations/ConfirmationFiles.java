package io.walletrecon.reports.confirmations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletrecon.console.Language;
import io.walletrecon.reports.PdfRenderer;
import io.walletrecon.reports.ReportsConfig;
import io.walletrecon.reports.bankrec.BankReconciliationService;
import io.walletrecon.reports.bankrec.BankReconciliationView;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;

/** Renders what a confirmation keeps: the attached bank reconciliation statement and the signed confirmation. */
@ApplicationScoped
class ConfirmationFiles {

    private final BankReconciliationService bankrec;
    private final PdfRenderer pdf;
    private final ReportsConfig config;
    private final ObjectMapper json;

    ConfirmationFiles(BankReconciliationService bankrec, PdfRenderer pdf, ReportsConfig config, ObjectMapper json) {
        this.bankrec = bankrec;
        this.pdf = pdf;
        this.config = config;
        this.json = json;
    }

    /** Blocking: the bank reconciliation statement (余额调节表) as the PDF GET /reports/bank-reconciliation gives. */
    byte[] bankReconciliation(BankReconciliationView v, Language language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bankrec.writePdf(v, language, out);
        return out.toByteArray();
    }

    /** Blocking: the signed confirmation in {@code language}. */
    byte[] confirmation(ConfirmationDocument.SignOff signOff, Language language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.render(ConfirmationDocument.of(config.companyName(), signOff, language), out);
        return out.toByteArray();
    }

    /** The statement as JSON, kept with the confirmation as it was when prepared. */
    String json(BankReconciliationView v) {
        try {
            return json.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bank reconciliation statement is not serialisable", e);
        }
    }
}
