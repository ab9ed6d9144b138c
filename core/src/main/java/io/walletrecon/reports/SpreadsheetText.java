package io.walletrecon.reports;

/**
 * Text a spreadsheet program would run as a formula is written as text. A cell that starts with {@code =}, {@code +},
 * {@code -} or {@code @} is evaluated by Excel, LibreOffice and Numbers ({@code =HYPERLINK(...)} as a customer name,
 * {@code @SUM(...)} in a webhook description), and a leading tab or carriage return lets such a value slip past a
 * naive check; following OWASP's advice on CSV injection these values get a leading apostrophe, which the
 * spreadsheet shows as text. Only text columns pass through here: amounts, integers and dates are written as
 * numbers and dates, so {@code -0.50} stays a number.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
