package io.walletrecon.statements;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Reads one statement or bill format as a stream: each line goes to {@code lines} as soon as it is read, so a
 * file of any size needs constant memory. Throws {@link StatementFormatException} naming the file line on the
 * first thing that is wrong (including totals or balances the file itself declares that do not add up).
 */
public interface StatementParser {

    /** The name used in {@code ?format=} and stored in statements.format. */
    String format();

    /** True if the decoded head of a file (its first 64 KiB) is this format. */
    boolean detects(String head);

    /**
     * @param in      the file, any BOM already skipped
     * @param charset the detected charset (XML formats use their own declaration)
     * @param zone    the account's time zone: provider timestamps become business dates there
     */
    StatementHeader parse(InputStream in, Charset charset, ZoneId zone, Consumer<StatementLine> lines);
}
