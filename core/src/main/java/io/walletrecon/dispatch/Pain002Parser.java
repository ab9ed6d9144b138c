package io.walletrecon.dispatch;

import io.walletrecon.web.XmlInput;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads the bank's payment status report (ISO 20022 CustomerPaymentStatusReport, pain.002.001.03 up to .10): the
 * message id, the pain.001 message it reports on, the group and payment-information statuses, and per credit
 * transfer its original EndToEndId, status and reason ({@code StsRsnInf/Rsn/Cd} and {@code AddtlInf}). A transfer
 * without a status of its own takes its payment information's, then the group's. Pure: no database, no clock.
 */
public final class Pain002Parser {

    private static final int MAX_DEPTH = 32;

    private Pain002Parser() {
    }

    /** A file that is not a readable pain.002; {@code line} is the 1-based line where it went wrong. */
    public static final class Malformed extends RuntimeException {
        private final long line;

        Malformed(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /** A status with its reason, as the report gives it (any may be null). */
    public record Status(String code, String reasonCode, String reasonText) {
    }

    /** One credit transfer's status; {@code line} is where its element begins. */
    public record Transaction(String endToEndId, Status status, long line) {
    }

    /** The report: its own id, the pain.001 it answers, the group's status and the transfers it names. */
    public record Report(String messageId, String originalMessageId, Status groupStatus, List<Transaction> transactions,
            List<Status> paymentInfoStatuses) {
    }

    public static Report parse(byte[] xml) {
        return XmlInput.read(new ByteArrayInputStream(xml), r -> new Reading(r).read(), Malformed::new);
    }

    /** The reader's state: the path of open elements and the statuses being collected. */
    private static final class Reading {
        final XMLStreamReader r;
        final Deque<String> path = new ArrayDeque<>();
        String messageId;
        String originalMessageId;
        StatusBuilder group = new StatusBuilder();
        StatusBuilder paymentInfo;
        final List<Status> paymentInfoStatuses = new ArrayList<>();
        final List<Pending> transactions = new ArrayList<>();
        Pending tx;

        Reading(XMLStreamReader r) {
            this.r = r;
        }

        Report read() throws XMLStreamException {
            boolean root = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!root) {
                        root = true;
                        String ns = r.getNamespaceURI();
                        if (!"Document".equals(name) || ns == null || !ns.contains("pain.002")) {
                            throw new Malformed(line(), "not a pain.002 payment status report (the document is "
                                    + name + (ns == null ? "" : " in " + ns) + ")");
                        }
                    }
                    if (path.size() >= MAX_DEPTH) {
                        throw new Malformed(line(), "elements are nested deeper than " + MAX_DEPTH);
                    }
                    start(name);
                    path.push(name);
                } else if (event == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
                    text(r.getText().trim());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end(path.pop());
                }
            }
            if (!root) {
                throw new Malformed(1, "the file holds no XML document");
            }
            if (messageId == null) {
                throw new Malformed(1, "the report has no GrpHdr/MsgId");
            }
            Status groupStatus = group.build();
            List<Transaction> out = new ArrayList<>();
            for (Pending p : transactions) {
                Status own = p.status.build();
                Status inherited = own.code() != null ? own : p.paymentInfo != null ? p.paymentInfo : groupStatus;
                if (p.endToEndId == null) {
                    throw new Malformed(p.line, "a transaction status (TxInfAndSts) without OrgnlEndToEndId");
                }
                out.add(new Transaction(p.endToEndId, inherited, p.line));
            }
            return new Report(messageId, originalMessageId, groupStatus, out, paymentInfoStatuses);
        }

        private void start(String name) {
            switch (name) {
                case "OrgnlPmtInfAndSts" -> paymentInfo = new StatusBuilder();
                case "TxInfAndSts" -> {
                    tx = new Pending(line());
                    tx.inPaymentInfo = paymentInfo;
                    transactions.add(tx);
                }
                default -> {
                }
            }
        }

        private void end(String name) {
            switch (name) {
                case "OrgnlPmtInfAndSts" -> {
                    Status s = paymentInfo.build();
                    paymentInfoStatuses.add(s);
                    transactions.stream().filter(t -> t.inPaymentInfo == paymentInfo)
                            .forEach(t -> t.paymentInfo = s.code() == null ? null : s);
                    paymentInfo = null;
                }
                case "TxInfAndSts" -> tx = null;
                default -> {
                }
            }
        }

        private void text(String value) {
            String name = path.peek();
            String parent = parent(1);
            if (name == null) {
                return;
            }
            if (tx != null) {
                switch (name) {
                    case "OrgnlEndToEndId" -> tx.endToEndId = value;
                    case "TxSts" -> tx.status.code = value;
                    default -> reason(tx.status, name, parent, value);
                }
                return;
            }
            if (paymentInfo != null) {
                if ("PmtInfSts".equals(name)) {
                    paymentInfo.code = value;
                } else {
                    reason(paymentInfo, name, parent, value);
                }
                return;
            }
            switch (name) {
                case "MsgId" -> {
                    if ("GrpHdr".equals(parent)) {
                        messageId = value;
                    }
                }
                case "OrgnlMsgId" -> originalMessageId = value;
                case "GrpSts" -> group.code = value;
                default -> {
                    if (path.contains("OrgnlGrpInfAndSts")) {
                        reason(group, name, parent, value);
                    }
                }
            }
        }

        /** The first reason code and the additional texts of a status's {@code StsRsnInf}. */
        private void reason(StatusBuilder status, String name, String parent, String value) {
            if (!path.contains("StsRsnInf")) {
                return;
            }
            if ("Cd".equals(name) && "Rsn".equals(parent) && status.reasonCode == null) {
                status.reasonCode = value;
            } else if ("Prtry".equals(name) && "Rsn".equals(parent) && status.reasonCode == null) {
                status.reasonCode = value;
            } else if ("AddtlInf".equals(name)) {
                status.reasonText = status.reasonText == null ? value : status.reasonText + " " + value;
            }
        }

        private String parent(int up) {
            int i = 0;
            for (String p : path) {
                if (i++ == up) {
                    return p;
                }
            }
            return null;
        }

        private long line() {
            return Math.max(1, r.getLocation().getLineNumber());
        }
    }

    private static final class StatusBuilder {
        String code;
        String reasonCode;
        String reasonText;

        Status build() {
            return new Status(code, reasonCode, reasonText);
        }
    }

    private static final class Pending {
        final long line;
        final StatusBuilder status = new StatusBuilder();
        String endToEndId;
        StatusBuilder inPaymentInfo;
        Status paymentInfo;

        Pending(long line) {
            this.line = line;
        }
    }
}
