package io.walletrecon.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Anchors the audit chain's head outside the database (the {@link AnchorStore}, and the log), signed under a key
 * derived from the master key, and reads the latest anchor back for {@link AuditService#verify}. A chain whose rows
 * after an anchor were deleted still verifies link by link; the anchor is what shows it was longer.
 */
@ApplicationScoped
public class AuditAnchors {

    private static final Logger LOG = Logger.getLogger(AuditAnchors.class);
    static final String PURPOSE = "walletrecon/audit-anchor";

    private final AuditEntryRepository entries;
    private final AnchorStore store;
    private final KeyService keys;
    private final ObjectMapper json;

    public AuditAnchors(AuditEntryRepository entries, AnchorStore store, KeyService keys, ObjectMapper json) {
        this.entries = entries;
        this.store = store;
        this.keys = keys;
        this.json = json;
    }

    /**
     * Writes an anchor of the current head (nothing when the chain is empty) to the store and to the log. Blocking:
     * called by the server's scheduler and the {@code audit-anchor} function.
     */
    public AuditAnchor anchor() {
        AuditEntryRepository.Head head = ReactiveBridge.await(() -> Panache.withSession(entries::head));
        return head == null ? null : write(head);
    }

    private AuditAnchor write(AuditEntryRepository.Head head) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AuditAnchor unsigned = new AuditAnchor(head.rowId(), head.hash(), head.rows(), at, null);
        AuditAnchor anchor = new AuditAnchor(head.rowId(), head.hash(), head.rows(), at, mac(unsigned));
        try {
            store.write(anchor.rowId(), json.writeValueAsBytes(anchor));
        } catch (Exception e) {
            throw new IllegalStateException("could not write the audit anchor of row " + anchor.rowId(), e);
        }
        LOG.infof("audit chain head anchored: row=%d hash=%s rows=%d at=%s mac=%s", anchor.rowId(), anchor.hash(),
                anchor.rows(),
                anchor.anchoredAt(), anchor.mac());
        return anchor;
    }

    /**
     * The latest anchor, when there is one. An anchor that is unreadable or whose MAC does not verify is an
     * {@link IllegalStateException}: someone wrote to the store without the key.
     */
    public Optional<AuditAnchor> latest() {
        Optional<byte[]> bytes;
        try {
            bytes = store.latest();
        } catch (Exception e) {
            throw new IllegalStateException("the audit anchor store cannot be read", e);
        }
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        AuditAnchor anchor;
        try {
            anchor = json.readValue(bytes.get(), AuditAnchor.class);
        } catch (Exception e) {
            throw new IllegalStateException("the latest audit anchor is not readable");
        }
        if (anchor.mac() == null || !MessageDigest.isEqual(anchor.mac().getBytes(StandardCharsets.US_ASCII),
                mac(anchor).getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalStateException(
                    "the latest audit anchor (row " + anchor.rowId() + ") does not carry a valid signature");
        }
        return Optional.of(anchor);
    }

    private String mac(AuditAnchor anchor) {
        return HexFormat.of().formatHex(keys.mac(PURPOSE, anchor.signed().getBytes(StandardCharsets.UTF_8)));
    }
}
