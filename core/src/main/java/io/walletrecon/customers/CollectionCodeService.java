package io.walletrecon.customers;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.walletrecon.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * Issues collection codes, resolves codes found in payment texts, draws their QR images, and links transactions
 * that carry a code to their customer.
 *
 * <p>For matching: {@link #resolve(String)} finds the code in one text (memo, {@code out_trade_no},
 * {@code attach}, metadata) and returns its customer and receivable; {@link #linkTransactions(long, String)}
 * does the same for every unlinked transaction of an account in two set-based UPDATEs (codes in
 * {@code merchant_reference}/{@code description}, then payer identities) inside the caller's transaction.
 */
@ApplicationScoped
public class CollectionCodeService {

    /**
     * Postgres ARE twin of {@code CollectionCodes}' text pattern, on the upper-cased text (matching's rules use it).
     */
    public static final String SQL_CODE_PATTERN = CollectionCodeRepository.SQL_CODE_PATTERN;

    private static final int ATTEMPTS = 8;

    private final CollectionConfig config;
    private final CollectionCodeRepository repository;
    private final CustomerRepository customers;
    private final PaymentPageLinks payPages;
    private final AuditLog audit;
    /** Per bean, created at run time: never a static field (a native image would freeze its seed at build time). */
    private final SecureRandom random = new SecureRandom();

    public CollectionCodeService(CollectionConfig config, CollectionCodeRepository repository,
            CustomerRepository customers,
            PaymentPageLinks payPages, AuditLog audit) {
        this.config = config;
        this.repository = repository;
        this.customers = customers;
        this.payPages = payPages;
        this.audit = audit;
    }

    /** Who a code belongs to. {@code receivableId} is null for a customer's own code. */
    @RegisterForReflection
    public record CodeOwner(String code, long customerId, Long receivableId) {
    }

    /** Counts of transactions linked by one {@link #linkTransactions} call. */
    @RegisterForReflection
    public record LinkResult(int byCode, int byPayerIdentity) {
    }

    /**
     * Issues a new unique code to a customer (or one of its receivables) in the caller's transaction. The primary
     * key of collection_codes decides uniqueness; a collision (one in a billion per code) just draws again.
     */
    public Uni<String> issue(long customerId, Long receivableId) {
        return attempt(customerId, receivableId, ATTEMPTS);
    }

    private Uni<String> attempt(long customerId, Long receivableId, int left) {
        if (left == 0) {
            return Uni.createFrom()
                    .failure(new IllegalStateException("no free collection code after " + ATTEMPTS + " draws"));
        }
        String code = CollectionCodes.generate(random);
        return repository.insertIfFree(code, customerId, receivableId)
                .chain(free -> free ? Uni.createFrom().item(code) : attempt(customerId, receivableId, left - 1));
    }

    /** A customer's own collection code with its link and payment page. */
    @WithSession
    public Uni<CollectionCodeView> ofCustomer(long customerId) {
        return customers.require(customerId)
                .map(c -> new CollectionCodeView(c.collectionCode, c.id, null, link(c.collectionCode),
                        payPages.link(c.collectionCode)));
    }

    /** The owner of the first valid code in {@code text}, if that code was issued. */
    @WithSession
    public Uni<Optional<CodeOwner>> resolve(String text) {
        Optional<String> code = CollectionCodes.find(text);
        if (code.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return owner(code.get());
    }

    @WithSession
    public Uni<Optional<CodeOwner>> owner(String code) {
        return repository.owner(code);
    }

    /**
     * Sets {@code transactions.customer_id} of the account's unlinked transactions: first where
     * merchant_reference or description carries an issued code, then where payer_kind/payer_identity equal one of
     * a customer's payer identities (payer_kind uses the {@link PayerIdentities#KINDS} names). Only customers of the
     * account's company: a code or identity of another company's customer links nothing. Audited as one rule action.
     */
    @WithTransaction
    public Uni<LinkResult> linkTransactions(long accountId, String actor) {
        return link(accountId).call(r -> recordLinked(accountId, r, actor));
    }

    /**
     * {@link #linkTransactions} without its audit row, in the caller's transaction: a caller that goes on working
     * (a matching run) records {@link #recordLinked} as its last step, because the audit append takes the chain's
     * lock until commit (see CONTRIBUTING.md, "Money-safety rules").
     */
    public Uni<LinkResult> link(long accountId) {
        return repository.linkByCode(accountId)
                .chain(codes -> repository.linkByPayerIdentity(accountId).map(ids -> new LinkResult(codes, ids)));
    }

    /** The audit row of a {@link #link}, when it linked anything. */
    public Uni<Void> recordLinked(long accountId, LinkResult r, String actor) {
        return r.byCode() + r.byPayerIdentity() == 0
                ? Uni.createFrom().voidItem()
                : audit.record(actor, "transactions.linked-to-customers", "account", accountId,
                        "collection code or payer identity",
                        Map.of("byCode", r.byCode(), "byPayerIdentity", r.byPayerIdentity())).replaceWithVoid();
    }

    public String link(String code) {
        return config.linkTemplate().replace("{code}", code);
    }

    public byte[] png(String content) {
        BitMatrix m = matrix(content, config.qrSize());
        BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                image.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One path of unit squares, one per dark module; crisp at any zoom. */
    public String svg(String content) {
        BitMatrix m = matrix(content, 0);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" width=\"" + config.qrSize() + "\" height=\"" + config.qrSize()
                + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** Size 0 gives one cell per module (for SVG, which scales itself). */
    private BitMatrix matrix(String content, int size) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR image of this link", e);
        }
    }
}
