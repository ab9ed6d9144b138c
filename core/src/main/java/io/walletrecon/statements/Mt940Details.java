package io.walletrecon.statements;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The information to the account owner ({@code :86:}) of one MT940 statement line, in the three shapes banks write it:
 * <ul>
 * <li>German structured: a business transaction code (GVC) then subfields {@code ?00} posting text, {@code ?20..?29}
 * and {@code ?60..?63} purpose, {@code ?30} BIC, {@code ?31} account, {@code ?32/?33} name, {@code ?34} return
 * code; the purpose carries SEPA identifiers ({@code EREF+}, {@code MREF+}, {@code CRED+}, {@code SVWZ+} ...);</li>
 * <li>slash structured (Dutch banks, SEPA): {@code /EREF/.../CNTP/iban/bic/name/town/REMI/USTD//text/} with
 * {@code /ORDP/} or {@code /BENM/} followed by {@code /NAME/};</li>
 * <li>free text, lines joined with spaces.</li>
 * </ul>
 * Every subfield is kept (the statement line's {@code details}); the remittance text (where collection codes and
 * invoice numbers are found), end-to-end id and counterparty are taken from them.
 */
final class Mt940Details {

    private static final Pattern GERMAN = Pattern.compile("^\\d{3}\\?|\\?(00|2\\d)");
    private static final Pattern SUBFIELD = Pattern.compile("\\?(00|10|2\\d|3[0-4]|6[0-3])");
    private static final Pattern SEPA_START = Pattern.compile(
            "^(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|IBAN|BIC|BREF|RREF)\\+(.*)$",
            Pattern.DOTALL);
    private static final Pattern SLASH_KEY = Pattern
            .compile("/(EREF|PREF|MARF|CSID|CNTP|REMI|RTRN|TRCD|ORDP|BENM|NAME|ADDR|ISDT|IREF|CREF|BUSP"
                    + "|PURP|ULTC|ULTD|ULTB|EXCH|CHGS|TRTP|SWOC|OCMT|IBAN|BIC|ACCW|BENP|FX|ID)/");
    private static final Set<String> SLASH_MARKERS = Set.of("/EREF/", "/REMI/", "/NAME/", "/ORDP/", "/BENM/", "/CNTP/",
            "/TRCD/", "/RTRN/",
            "/PREF/", "/MARF/", "/IREF/", "/PURP/");

    /** What a statement line takes from its :86:. */
    record Parsed(String remittance, String endToEndId, String counterpartyName, String counterpartyAccount,
            Map<String, String> details) {
    }

    private Mt940Details() {
    }

    static Parsed parse(String info) {
        if (info == null || info.isBlank()) {
            return new Parsed(null, null, null, null, new LinkedHashMap<>());
        }
        String joined = info.replace("\r", "").replace("\n", "");
        if (GERMAN.matcher(joined).find()) {
            return german(joined);
        }
        for (String marker : SLASH_MARKERS) {
            if (joined.contains(marker)) {
                return slash(joined);
            }
        }
        String text = Amounts
                .emptyToNull(String.join(" ", info.lines().map(String::strip).filter(s -> !s.isEmpty()).toList()));
        return new Parsed(text, null, null, null, new LinkedHashMap<>());
    }

    private static Parsed german(String joined) {
        Map<String, String> d = new LinkedHashMap<>();
        Matcher m = SUBFIELD.matcher(joined);
        int start = -1;
        String code = null;
        StringBuilder purpose = new StringBuilder();
        List<String> purposeParts = new java.util.ArrayList<>();
        if (m.find()) {
            String gvc = joined.substring(0, m.start()).strip();
            if (!gvc.isEmpty()) {
                d.put("GVC", gvc);
            }
            do {
                if (code != null) {
                    put(d, code, joined.substring(start, m.start()), purposeParts);
                }
                code = m.group(1);
                start = m.end();
            } while (m.find());
            put(d, code, joined.substring(start), purposeParts);
        }
        // Subfields are joined with a space: a bank that ends a subfield at a word keeps its words apart
        // ("Kontofuehrung" + "Februar"), and a reference wrapped over two ("INV-40" + "01") is two adjacent words,
        // which the reference rule joins again. SEPA values (EREF, SVWZ, ...) are cut every 27 characters whatever the
        // words, so they are joined as they are.
        purposeParts.stream().map(String::strip).filter(p -> !p.isEmpty())
                .forEach(p -> purpose.append(purpose.isEmpty() ? "" : " ").append(p));
        String remittance = Amounts.emptyToNull(purpose.toString());
        String currentKey = null;
        StringBuilder value = new StringBuilder();
        for (String part : purposeParts) {
            Matcher s = SEPA_START.matcher(part);
            if (s.matches()) {
                flush(d, currentKey, value);
                currentKey = s.group(1);
                value.setLength(0);
                value.append(s.group(2));
            } else if (currentKey != null && part.matches("^[A-Z]{4}:.*")) {
                flush(d, currentKey, value);
                currentKey = null;
            } else if (currentKey != null) {
                value.append(part);
            }
        }
        flush(d, currentKey, value);
        if (d.containsKey("SVWZ")) {
            remittance = d.get("SVWZ");
        }
        String name = Amounts.emptyToNull(d.getOrDefault("?32", "") + d.getOrDefault("?33", ""));
        return new Parsed(remittance,
                d.get("EREF") == null || "NOTPROVIDED".equals(d.get("EREF")) ? null : d.get("EREF"), name,
                Amounts.emptyToNull(d.get("?31")), d);
    }

    private static void put(Map<String, String> d, String code, String value, List<String> purposeParts) {
        String key = "?" + code;
        d.merge(key, value, String::concat);
        if (code.startsWith("2") || code.startsWith("6")) {
            purposeParts.add(value);
        }
    }

    private static void flush(Map<String, String> d, String key, StringBuilder value) {
        if (key != null) {
            String v = value.toString().strip();
            if (!v.isEmpty()) {
                d.putIfAbsent(key, v);
            }
        }
    }

    private static Parsed slash(String joined) {
        Map<String, String> d = new LinkedHashMap<>();
        Matcher m = SLASH_KEY.matcher(joined);
        String key = null;
        int start = 0;
        int from = 0;
        while (from < joined.length() && m.find(from)) {
            if (key != null) {
                putSlash(d, key, joined.substring(start, m.start()));
            } else if (m.start() > 0) {
                putSlash(d, "TEXT", joined.substring(0, m.start()));
            }
            key = m.group(1);
            start = m.end();
            // A key's value may be empty ("/ORDP//NAME/..."): the next key may start at the closing slash.
            from = m.end() - 1;
        }
        if (key != null) {
            putSlash(d, key, joined.substring(start));
        }
        String remittance = d.get("REMI");
        if (remittance != null) {
            remittance = remittance.replaceFirst("^(USTD|STRD)/", "").replaceFirst("^/?(CUR|ISO)?/", "");
            remittance = Amounts.emptyToNull(remittance.replaceAll("/+$", ""));
        }
        String name = d.get("NAME");
        String account = d.get("IBAN");
        String cntp = d.get("CNTP");
        if (cntp != null) {
            String[] parts = cntp.split("/", -1);
            account = account == null && parts.length > 0 ? Amounts.emptyToNull(parts[0]) : account;
            name = name == null && parts.length > 2 ? Amounts.emptyToNull(parts[2]) : name;
        }
        String e2e = d.get("EREF");
        if (e2e != null && e2e.equals("NOTPROVIDED")) {
            e2e = null;
        }
        return new Parsed(remittance != null ? remittance : Amounts.emptyToNull(d.get("TEXT")), e2e, name, account, d);
    }

    private static void putSlash(Map<String, String> d, String key, String value) {
        String v = value.replaceAll("^/+|/+$", "").strip();
        if (!v.isEmpty()) {
            d.putIfAbsent(key, v);
        }
    }
}
