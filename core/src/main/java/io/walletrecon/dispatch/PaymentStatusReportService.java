package io.walletrecon.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.storage.Sha256;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bank's payment status report (pain.002) applied to the bank-file orders it names, by their end-to-end id: an
 * accepted or pending status is noted on the order (it stays submitted until its debit is on the statement); a
 * rejection fails a submitted order with the bank's reason, in its history and with an alert. A report applies once:
 * the same content again answers what it did the first time and changes nothing; another content under the same
 * MsgId is refused. An end-to-end id we do not know is reported back, never an error. Audited.
 */
@ApplicationScoped
public class PaymentStatusReportService {

    static final String ACTOR_REASON = "the bank's payment status report ";

    private final PaymentStatusReportRepository reports;
    private final PaymentOrderRepository orders;
    private final AlertService alerts;
    private final AuditLog audit;
    private final ObjectMapper json;

    public PaymentStatusReportService(PaymentStatusReportRepository reports, PaymentOrderRepository orders,
            AlertService alerts, AuditLog audit, ObjectMapper json) {
        this.reports = reports;
        this.orders = orders;
        this.alerts = alerts;
        this.audit = audit;
        this.json = json;
    }

    /** What the report did to one end-to-end id. */
    public enum Result {
        /** The bank accepted it; the order waits for its debit. */
        ACCEPTED,
        /** The bank has not decided. */
        PENDING,
        /** The bank rejected it; the order failed with the bank's reason. */
        FAILED,
        /** Nothing to change: the order already failed. */
        UNCHANGED,
        /** The bank rejects an order that is already completed or returned here: for a person (an alert is raised). */
        CONFLICT,
        /** A status code that means neither acceptance nor rejection (PART, RCVD, ...): nothing changed. */
        UNRECOGNISED_STATUS,
        /** No order of ours carries this end-to-end id. */
        UNKNOWN_END_TO_END_ID;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One end-to-end id of the report. */
    @RegisterForReflection
    public record Outcome(String endToEndId, String status, Long paymentId, String result, String reasonCode,
            String reason) {
    }

    /**
     * A report as the API shows it; {@code repeated} when this content was received before (nothing changed now);
     * {@code counts} by result.
     */
    @RegisterForReflection
    public record ReportView(long id, String messageId, String originalMessageId, boolean repeated,
            Map<String, Integer> counts, List<Outcome> transactions) {
    }

    @WithTransaction
    public Uni<ReportView> receive(byte[] body, String actor) {
        String sha256 = Sha256.hex(body);
        return reports.storedBySha(sha256)
                .chain(stored -> stored != null
                        ? Uni.createFrom().item(repeated(stored))
                        : receiveNew(parse(body), sha256, actor));
    }

    private static Pain002Parser.Report parse(byte[] body) {
        try {
            return Pain002Parser.parse(body);
        } catch (Pain002Parser.Malformed e) {
            throw ApiException.unprocessable("The payment status report cannot be read: line " + e.line() + ": "
                    + e.getMessage(), List.of(ProblemError.line(e.line(), null, e.getMessage())));
        }
    }

    private Uni<ReportView> receiveNew(Pain002Parser.Report report, String sha256, String actor) {
        return reports.shaOfMessage(report.messageId()).chain(other -> {
            if (other != null && !other.equals(sha256)) {
                throw ApiException.conflict("A payment status report with MsgId " + report.messageId()
                        + " was received before with other content; nothing was changed");
            }
            return reports.claim(report.messageId(), sha256, actor);
        }).chain(id -> id == null
                // Received at the same moment by another request, which applied it.
                ? reports.storedBySha(sha256).map(stored -> {
                    if (stored == null) {
                        throw ApiException.conflict("A payment status report with MsgId " + report.messageId()
                                + " was received at the same time with other content; nothing was changed");
                    }
                    return repeated(stored);
                })
                : apply(id, report, actor));
    }

    private Uni<ReportView> apply(long id, Pain002Parser.Report report, String actor) {
        return transactions(report).chain(list -> {
            List<Outcome> outcomes = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Pain002Parser.Transaction t : list) {
                chain = chain.chain(() -> applyOne(report, t).invoke(outcomes::add).replaceWithVoid());
            }
            return chain.map(x -> new ReportView(id, report.messageId(), report.originalMessageId(), false,
                    counts(outcomes), outcomes));
        }).call(view -> reports.saveResult(id, write(view)))
                .call(view -> audit.record(actor, "payment-status-report.received", "payment_status_report", id, null,
                        auditDetails(view)));
    }

    /**
     * The transfers the report names; a report with statuses for its group or payment information only applies
     * them to every order of the pain.001 message it answers.
     */
    private Uni<List<Pain002Parser.Transaction>> transactions(Pain002Parser.Report report) {
        if (!report.transactions().isEmpty() || report.originalMessageId() == null) {
            return Uni.createFrom().item(report.transactions());
        }
        Pain002Parser.Status status = report.paymentInfoStatuses().stream().filter(s -> s.code() != null)
                .findFirst().orElse(report.groupStatus());
        return reports.endToEndIdsOfMessage(report.originalMessageId())
                .map(ids -> ids.stream().map(e -> new Pain002Parser.Transaction(e, status, 1)).toList());
    }

    private Uni<Outcome> applyOne(Pain002Parser.Report report, Pain002Parser.Transaction t) {
        Pain002Parser.Status s = t.status();
        BankStatus status = BankStatus.ofIsoCode(s.code());
        String reason = s.reasonCode() == null && s.reasonText() == null
                ? null
                : BankStatus.describe(s.reasonCode(), s.reasonText());
        return reports.lockByEndToEndId(t.endToEndId()).chain(order -> {
            if (order == null) {
                return outcome(t, null, Result.UNKNOWN_END_TO_END_ID, reason);
            }
            if (status == null) {
                return outcome(t, order.id(), Result.UNRECOGNISED_STATUS, reason);
            }
            Uni<Void> noted = reports.setBankStatus(order.id(), status, s.code(), s.reasonCode(), reason);
            return switch (status) {
                case ACCEPTED -> noted.chain(() -> outcome(t, order.id(), Result.ACCEPTED, reason));
                case PENDING -> noted.chain(() -> outcome(t, order.id(), Result.PENDING, reason));
                case REJECTED -> noted.chain(() -> reject(report, t, order, reason));
            };
        });
    }

    private Uni<Outcome> reject(Pain002Parser.Report report, Pain002Parser.Transaction t,
            PaymentStatusReportRepository.Order order, String reason) {
        String why = "Rejected by the bank: " + (reason == null ? "no reason given" : reason);
        if (order.state() == PaymentState.FAILED) {
            return outcome(t, order.id(), Result.UNCHANGED, reason);
        }
        if (!PaymentStateMachine.allows(order.state(), PaymentState.FAILED)) {
            return alerts.raise("PAYMENT_OUTCOME_CONFLICT", order.id(), "Payment " + order.id() + " is "
                    + order.state().code() + " here, but the bank's status report " + report.messageId()
                    + " rejects it (" + why + "): check the bank statement before doing anything else")
                    .chain(() -> outcome(t, order.id(), Result.CONFLICT, reason));
        }
        return reports.fail(order.id(), order.state(), why)
                .chain(failed -> orders.history(order.id(), order.state(), PaymentState.FAILED, "bank",
                        why + " (" + ACTOR_REASON + report.messageId() + ")"))
                .chain(() -> alerts.raise("PAYMENT_FAILED", order.id(), "Payment " + order.id() + " failed: " + why))
                .chain(() -> outcome(t, order.id(), Result.FAILED, reason));
    }

    private static Uni<Outcome> outcome(Pain002Parser.Transaction t, Long paymentId, Result result, String reason) {
        return Uni.createFrom().item(new Outcome(t.endToEndId(), t.status().code(), paymentId, result.code(),
                t.status().reasonCode(), reason));
    }

    private static Map<String, Integer> counts(List<Outcome> outcomes) {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.result(), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Object> auditDetails(ReportView view) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messageId", view.messageId());
        details.put("originalMessageId", view.originalMessageId() == null ? "" : view.originalMessageId());
        details.put("counts", view.counts());
        details.put("failedPayments", view.transactions().stream()
                .filter(o -> Result.FAILED.code().equals(o.result())).map(Outcome::paymentId).toList());
        return details;
    }

    private String write(ReportView view) {
        try {
            return json.writeValueAsString(view);
        } catch (Exception e) {
            throw new IllegalStateException("report result not writable", e);
        }
    }

    private ReportView repeated(String stored) {
        try {
            ReportView v = json.readValue(stored, ReportView.class);
            return new ReportView(v.id(), v.messageId(), v.originalMessageId(), true, v.counts(), v.transactions());
        } catch (Exception e) {
            throw new IllegalStateException("unreadable stored report result", e);
        }
    }
}
