package io.walletrecon.statements;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record of one physical line (RFC 4180 quoting, {@code ""} inside quotes). The files we read
 * (provider bills, receivables) never put line breaks inside a value, and reading line by line keeps every
 * error's line number exact. A quote left open is reported, not silently joined with the next line.
 */
public final class Csv {

    private Csv() {
    }

    /** The first line of a file whose first line is its header; an empty file is refused as such. */
    static String headerLine(BufferedReader reader) throws IOException {
        String line = reader.readLine();
        if (line == null) {
            throw new StatementFormatException(1, "the file is empty");
        }
        return line;
    }

    /** The cells of line {@code lineNo} of a statement file; a malformed one is refused naming that line. */
    static List<String> cells(String line, long lineNo) {
        try {
            return split(line);
        } catch (IllegalArgumentException e) {
            throw new StatementFormatException(lineNo, e.getMessage());
        }
    }

    public static List<String> split(String line) {
        return split(line, ',');
    }

    public static List<String> split(String line, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == separator) {
                out.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else if (ch == '"' && cur.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted value is not closed on this line");
        }
        out.add(cur.toString());
        return out;
    }
}
