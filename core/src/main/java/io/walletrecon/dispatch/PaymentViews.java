package io.walletrecon.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.walletrecon.companies.CompanyService;
import io.walletrecon.data.PageView;
import io.walletrecon.data.Paging;
import io.walletrecon.money.Money;
import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemError;
import io.walletrecon.problem.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reading payment orders: one in full, or a filtered page; the bank account of a beneficiary decrypted for the detail
 * view.
 */
@ApplicationScoped
public class PaymentViews {

    private static final Logger LOG = Logger.getLogger(PaymentViews.class);

    private final PaymentViewRepository views;
    private final CompanyService companies;
    private final Beneficiaries beneficiaries;
    private final ObjectMapper json;
    private final Paging paging;

    public PaymentViews(PaymentViewRepository views, CompanyService companies, Beneficiaries beneficiaries,
            ObjectMapper json, Paging paging) {
        this.views = views;
        this.companies = companies;
        this.beneficiaries = beneficiaries;
        this.json = json;
        this.paging = paging;
    }

    @WithSession
    public Uni<PaymentView> get(long id) {
        return view(id);
    }

    /** Orders by the given filters (each optional), of one company when {@code company} is given. */
    @WithSession
    public Uni<PageView<PaymentView>> list(String company, String state, LocalDate from, LocalDate to,
            String beneficiary, int page,
            Integer requestedSize) {
        int size = paging.size(requestedSize);
        List<ProblemError> errors = new ArrayList<>();
        if (state != null && Arrays.stream(PaymentState.values()).noneMatch(s -> s.code().equals(state))) {
            errors.add(ProblemError.field("state", "must be one of "
                    + String.join(", ", Arrays.stream(PaymentState.values()).map(PaymentState::code).toList())));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(ProblemError.field("from", "must not be after to"));
        }
        paging.check(page, size, errors);
        Validation.refuseIfAny(errors);
        return companies.filter(company, "company").map(c -> c == null ? null : c.id)
                .map(companyId -> new PaymentViewRepository.Filter(state, from, to, beneficiary, companyId))
                .chain(filter -> views.count(filter).chain(total -> views.page(filter, size, (long) page * size)
                        .map(rows -> new PageView<>(rows.stream().map(this::parse).toList(), page, size, total))));
    }

    /** Order {@code id} in full, in the caller's session (and transaction), or a 404 problem. */
    Uni<PaymentView> view(long id) {
        return views.detail(id).map(row -> {
            if (row == null) {
                throw ApiException.notFound("No payment with id " + id);
            }
            return parse(row);
        });
    }

    /**
     * Puts the decryption of the base64 ciphertext in {@code from} (when there is one) into {@code to}. A damaged
     * record must not hide the order: it shows without that field; dispatch holds the order as DISPATCH_ERROR.
     */
    private static void reveal(ObjectNode ben, String from, String to,
            java.util.function.Function<byte[], String> decrypt) {
        String cipher = ben.path(from).asText(null);
        if (cipher != null) {
            try {
                ben.put(to, decrypt.apply(Base64.getMimeDecoder().decode(cipher)));
            } catch (RuntimeException e) {
                LOG.errorf(e, "the %s of beneficiary %s cannot be decrypted", to, ben.get("id"));
            }
        }
    }

    PaymentView parse(String row) {
        try {
            ObjectNode node = (ObjectNode) json.readTree(row);
            node.put("amount",
                    Money.ofMinor(node.get("amountMinor").asLong(), node.get("currency").asText()).toDecimalString());
            ObjectNode ben = (ObjectNode) node.get("beneficiary");
            String key = ben.path("beneficiaryKey").asText(null);
            reveal(ben, "accountCiphertext", "bankAccount", c -> beneficiaries.accountNumber(c, key));
            reveal(ben, "accountNameCiphertext", "accountName", c -> beneficiaries.accountName(c, key));
            ben.remove("accountCiphertext");
            ben.remove("accountNameCiphertext");
            ben.remove("beneficiaryKey");
            return json.treeToValue(node, PaymentView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payment view is not valid JSON", e);
        }
    }
}
