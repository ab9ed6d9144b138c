package io.walletrecon.statements;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BAI2 cash management balance reporting (US and Canadian banks): {@code 01} file header, {@code 02} group (as-of
 * date, currency), {@code 03} account with balances and summaries, {@code 16} transaction details, {@code 88}
 * continuations, {@code 49}/{@code 98}/{@code 99} trailers with control totals and record counts. Each account
 * group ({@code 03} to {@code 49}) is one statement. Amounts are integers in the currency's minor unit; a detail's
 * direction is its type code's (100–399 credit, 400–699 debit). Opening and closing are the ledger balances
 * ({@code 010}, {@code 015}) where given, and then must add up with the details; available balances are not used
 * (float). Every control total and record count must match, so a dropped or altered record is refused.
 * A group whose as-of-date modifier says interim (1, 3) is stored without balances or period.
 */
public class Bai2Parser implements StatementParser {

    @Override
    public String format() {
        return "bai2";
    }

    @Override
    public boolean detects(String head) {
        return head.startsWith("01,") && head.contains("\n02,") && head.contains("\n03,");
    }

    @Override
    public void parse(InputStream in, Charset charset, AccountZones zones, StatementSink sink) {
        Reader r = new Reader(sink);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            String raw;
            int lineNo = 0;
            while ((raw = reader.readLine()) != null) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                r.physical(line, lineNo);
            }
            r.flush();
            r.end(Math.max(1, lineNo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A logical record: a physical one and its 88 continuations. */
    private record Record(String type, List<String> fields, int line, int physical) {
    }

    private static final class Reader {
        final StatementSink sink;
        String recordType;
        List<String> fields;
        int recordLine;
        int physical;
        // file / group / account state
        boolean fileOpen;
        boolean fileClosed;
        String fileId;
        long fileTotal;
        int groups;
        int fileRecords;
        boolean groupOpen;
        String groupCurrency;
        LocalDate asOf;
        boolean interim;
        long groupTotal;
        int groupAccounts;
        int groupRecords;
        boolean accountOpen;
        int accountLine;
        String account;
        String currency;
        Long opening;
        Long closing;
        long accountTotal;
        int accountRecords;
        int accountNo;
        final Map<String, Integer> seen = new HashMap<>();

        Reader(StatementSink sink) {
            this.sink = sink;
        }

        void physical(String line, int lineNo) {
            if (line.startsWith("88,")) {
                if (recordType == null) {
                    throw new StatementFormatException(lineNo, "a continuation (88) with no record before it");
                }
                String more = line.substring(3);
                if (recordType.equals("16")) {
                    // A detail's text continues across 88 records.
                    String last = fields.remove(fields.size() - 1);
                    fields.add(stripSlash(last) + " " + stripSlash(more));
                } else {
                    fields.addAll(split(more));
                }
                physical++;
                return;
            }
            flush();
            int comma = line.indexOf(',');
            String type = comma < 0 ? line.replace("/", "") : line.substring(0, comma);
            if (!List.of("01", "02", "03", "16", "49", "98", "99").contains(type)) {
                throw new StatementFormatException(lineNo,
                        "'" + type + "' is not a BAI2 record type (01, 02, 03, 16, 49, 88, 98, 99)");
            }
            recordType = type;
            recordLine = lineNo;
            physical = 1;
            String rest = comma < 0 ? "" : line.substring(comma + 1);
            fields = type.equals("16") ? splitDetail(rest) : split(rest);
        }

        void flush() {
            if (recordType == null) {
                return;
            }
            Record rec = new Record(recordType, fields, recordLine, physical);
            recordType = null;
            record(rec);
        }

        void record(Record rec) {
            if (fileClosed) {
                throw new StatementFormatException(rec.line(), "a record after the file trailer (99)");
            }
            if (!rec.type().equals("01") && !fileOpen) {
                throw new StatementFormatException(rec.line(), "the file does not begin with its header (01)");
            }
            fileRecords += rec.physical();
            if (groupOpen) {
                groupRecords += rec.physical();
            }
            if (accountOpen) {
                accountRecords += rec.physical();
            }
            switch (rec.type()) {
                case "01" -> {
                    if (fileOpen) {
                        throw new StatementFormatException(rec.line(), "a second file header (01)");
                    }
                    fileOpen = true;
                    fileId = field(rec, 4);
                }
                case "02" -> group(rec);
                case "03" -> account(rec);
                case "16" -> detail(rec);
                case "49" -> accountTrailer(rec);
                case "98" -> groupTrailer(rec);
                default -> fileTrailer(rec);
            }
        }

        void group(Record rec) {
            if (groupOpen) {
                throw new StatementFormatException(rec.line(),
                        "a group header (02) before the previous group's trailer (98)");
            }
            groupOpen = true;
            groupRecords = rec.physical();
            groupTotal = 0;
            groupAccounts = 0;
            groups++;
            asOf = date(field(rec, 3), rec.line(), "as-of date");
            String ccy = field(rec, 5);
            groupCurrency = ccy.isEmpty() ? "USD" : Amounts.currency(ccy, rec.line());
            String modifier = field(rec, 6);
            interim = modifier.equals("1") || modifier.equals("3");
        }

        void account(Record rec) {
            if (!groupOpen) {
                throw new StatementFormatException(rec.line(), "an account (03) outside a group (02 ... 98)");
            }
            if (accountOpen) {
                throw new StatementFormatException(rec.line(),
                        "an account (03) before the previous account's trailer (49)");
            }
            accountOpen = true;
            accountRecords = rec.physical();
            accountTotal = 0;
            accountNo++;
            accountLine = rec.line();
            account = Amounts.emptyToNull(field(rec, 0));
            if (account == null) {
                throw new StatementFormatException(rec.line(), "the account (03) has no account number");
            }
            String ccy = field(rec, 1);
            currency = ccy.isEmpty() ? groupCurrency : Amounts.currency(ccy, rec.line());
            opening = null;
            closing = null;
            seen.clear();
            List<String> f = rec.fields();
            int i = 2;
            while (i < f.size()) {
                String code = f.get(i).strip();
                if (code.isEmpty() && i == f.size() - 1) {
                    break;
                }
                String amount = i + 1 < f.size() ? f.get(i + 1).strip() : "";
                Long minor = amount.isEmpty() ? null : amount(amount, rec.line(), "amount of type " + code);
                if (minor != null) {
                    accountTotal = add(accountTotal, minor, rec.line());
                }
                if (code.equals("010")) {
                    opening = minor;
                } else if (code.equals("015")) {
                    closing = minor;
                }
                String funds = i + 3 < f.size() ? f.get(i + 3).strip() : "";
                i += 4 + fundsFields(funds, f, i + 4, rec.line());
            }
        }

        void detail(Record rec) {
            if (!accountOpen) {
                throw new StatementFormatException(rec.line(),
                        "a transaction detail (16) outside an account (03 ... 49)");
            }
            List<String> f = rec.fields();
            String code = field(rec, 0);
            long amount = amount(field(rec, 1), rec.line(), "amount");
            if (amount < 0) {
                throw new StatementFormatException(rec.line(),
                        "a detail amount is unsigned; its type code gives the direction");
            }
            accountTotal = add(accountTotal, amount, rec.line());
            int typeCode = typeCode(code, rec.line());
            String funds = field(rec, 2);
            LocalDate value = asOf;
            if (funds.equals("V")) {
                value = date(field(rec, 3), rec.line(), "value date");
            }
            int at = 3 + fundsFields(funds, f, 3, rec.line());
            String bankRef = at < f.size() ? Amounts.emptyToNull(f.get(at)) : null;
            String customerRef = at + 1 < f.size() ? Amounts.emptyToNull(f.get(at + 1)) : null;
            String text = at + 2 < f.size() ? Amounts.emptyToNull(stripSlash(f.get(at + 2))) : null;
            boolean credit = typeCode >= 100 && typeCode < 400;
            long signed = credit ? amount : -amount;
            String key;
            if (bankRef != null) {
                key = "bai2:" + bankRef + ":" + value;
            } else {
                String content = "bai2:" + value + ":" + signed + ":"
                        + CamtParser.digest(code + "|" + customerRef + "|" + text);
                key = content + "#" + seen.merge(content, 1, Integer::sum);
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("TYPE", code);
            details.put("FUNDS", funds);
            String kind = typeCode >= 690 && typeCode <= 699 || typeCode == 398 ? "fee" : "payment";
            sink.line(new StatementLine(rec.line(), key, kind, value, asOf, signed, null, currency, null, null, bankRef,
                    null, null,
                    customerRef, null, text, "16," + String.join(",", f), null, details));
        }

        void accountTrailer(Record rec) {
            if (!accountOpen) {
                throw new StatementFormatException(rec.line(), "an account trailer (49) without its account (03)");
            }
            long declared = amount(field(rec, 0), rec.line(), "account control total");
            int records = count(field(rec, 1), rec.line());
            if (declared != accountTotal) {
                throw new StatementFormatException(rec.line(),
                        "the account control total is " + declared + " but the account's amounts add up to "
                                + accountTotal + " (minor units): a record is missing or altered");
            }
            if (records != accountRecords) {
                throw new StatementFormatException(rec.line(),
                        "the account trailer counts " + records + " records but the account has " + accountRecords);
            }
            accountOpen = false;
            groupTotal = add(groupTotal, declared, rec.line());
            groupAccounts++;
            String reference = fileId == null || fileId.isEmpty() ? null : fileId;
            if (interim) {
                sink.statement(new StatementHeader("bai2", reference, String.valueOf(accountNo), account, currency,
                        null, null, null, null, accountLine));
            } else {
                sink.statement(
                        new StatementHeader("bai2", reference, String.valueOf(accountNo), account, currency, asOf, asOf,
                                opening != null && closing != null ? opening : null,
                                opening != null && closing != null ? closing : null, accountLine));
            }
        }

        void groupTrailer(Record rec) {
            if (!groupOpen || accountOpen) {
                throw new StatementFormatException(rec.line(),
                        accountOpen
                                ? "a group trailer (98) before the account trailer (49)"
                                : "a group trailer (98) without its group (02)");
            }
            long declared = amount(field(rec, 0), rec.line(), "group control total");
            if (declared != groupTotal) {
                throw new StatementFormatException(rec.line(),
                        "the group control total is " + declared + " but its accounts add up to " + groupTotal);
            }
            if (count(field(rec, 1), rec.line()) != groupAccounts) {
                throw new StatementFormatException(rec.line(),
                        "the group trailer counts " + field(rec, 1) + " accounts but the group has " + groupAccounts);
            }
            if (count(field(rec, 2), rec.line()) != groupRecords) {
                throw new StatementFormatException(rec.line(),
                        "the group trailer counts " + field(rec, 2) + " records but the group has " + groupRecords);
            }
            groupOpen = false;
            fileTotal = add(fileTotal, declared, rec.line());
        }

        void fileTrailer(Record rec) {
            if (groupOpen) {
                throw new StatementFormatException(rec.line(), "the file trailer (99) before the group trailer (98)");
            }
            long declared = amount(field(rec, 0), rec.line(), "file control total");
            if (declared != fileTotal) {
                throw new StatementFormatException(rec.line(),
                        "the file control total is " + declared + " but its groups add up to " + fileTotal);
            }
            if (count(field(rec, 1), rec.line()) != groups) {
                throw new StatementFormatException(rec.line(),
                        "the file trailer counts " + field(rec, 1) + " groups but the file has " + groups);
            }
            if (count(field(rec, 2), rec.line()) != fileRecords) {
                throw new StatementFormatException(rec.line(),
                        "the file trailer counts " + field(rec, 2) + " records but the file has " + fileRecords);
            }
            fileClosed = true;
        }

        void end(int lastLine) {
            if (!fileClosed) {
                throw new StatementFormatException(lastLine, "the file ends without its trailer (99): it is truncated");
            }
        }

        /**
         * How many fields follow a funds type: V value date and time, S three amounts, D a count and that many pairs.
         */
        int fundsFields(String funds, List<String> f, int at, int line) {
            return switch (funds) {
                case "V" -> 2;
                case "S" -> 3;
                case "D" -> {
                    if (at >= f.size()) {
                        throw new StatementFormatException(line, "funds type D without its distribution count");
                    }
                    yield 1 + 2 * count(f.get(at).strip(), line);
                }
                case "", "0", "1", "2", "Z" -> 0;
                default -> throw new StatementFormatException(line,
                        "'" + funds + "' is not a BAI2 funds type (0, 1, 2, V, S, D, Z)");
            };
        }

        static int typeCode(String code, int line) {
            int c;
            try {
                c = Integer.parseInt(code);
            } catch (NumberFormatException e) {
                throw new StatementFormatException(line, "'" + code + "' is not a BAI2 type code");
            }
            if (c < 100 || c >= 700) {
                throw new StatementFormatException(line,
                        "type code " + code + " is not a credit (100-399) or debit (400-699) transaction");
            }
            return c;
        }

        static long amount(String s, int line, String what) {
            String t = s.strip();
            if (!t.matches("[+-]?\\d{1,18}")) {
                throw new StatementFormatException(line, what + " '" + s + "' is not a whole number of minor units");
            }
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        }

        static int count(String s, int line) {
            String t = s.strip();
            if (!t.matches("\\d{1,9}")) {
                throw new StatementFormatException(line, "'" + s + "' is not a count");
            }
            return Integer.parseInt(t);
        }

        static long add(long a, long b, int line) {
            return Amounts.add(a, b, line);
        }

        static LocalDate date(String s, int line, String what) {
            if (!s.matches("\\d{6}")) {
                throw new StatementFormatException(line, "the " + what + " '" + s + "' is not YYMMDD");
            }
            try {
                return Mt940Parser.yymmdd(s, line);
            } catch (DateTimeException e) {
                throw new StatementFormatException(line, "the " + what + " '" + s + "' is not a date");
            }
        }

        static String field(Record rec, int i) {
            return i < rec.fields().size() ? stripSlash(rec.fields().get(i)).strip() : "";
        }

        static String stripSlash(String s) {
            String t = s.stripTrailing();
            return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
        }

        /** Fields of a record; the record ends with '/'. */
        static List<String> split(String rest) {
            String body = stripSlash(rest);
            return new ArrayList<>(List.of(body.split(",", -1)));
        }

        /** A detail's last field, its text, runs to the end of the record and may hold commas. */
        static List<String> splitDetail(String rest) {
            List<String> out = new ArrayList<>();
            String[] head = rest.split(",", -1);
            // type, amount, funds type [+ funds fields], bank ref, customer ref, text
            int fixed = 3;
            if (head.length > 2) {
                String funds = head[2].strip();
                if (funds.equals("V")) {
                    fixed += 2;
                } else if (funds.equals("S")) {
                    fixed += 3;
                } else if (funds.equals("D") && head.length > 3 && head[3].strip().matches("\\d{1,3}")) {
                    fixed += 1 + 2 * Integer.parseInt(head[3].strip());
                }
            }
            fixed += 2;
            int i = 0;
            int pos = 0;
            while (i < fixed && i < head.length) {
                out.add(head[i]);
                pos += head[i].length() + 1;
                i++;
            }
            out.add(pos <= rest.length() ? rest.substring(Math.min(pos, rest.length())) : "");
            return out;
        }
    }
}
