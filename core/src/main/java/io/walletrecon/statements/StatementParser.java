package io.walletrecon.statements;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.ZoneId;

/**
 * Reads one statement or bill format as a stream: each line goes to the sink as soon as it is read, so a file of
 * any size needs constant memory. Throws {@link StatementFormatException} naming the file line on the first thing
 * that is wrong (including totals or balances the file itself declares that do not add up).
 */
public interface StatementParser {

    /** The name used in {@code ?format=}; statements.format unless the header names the message type. */
    String format();

    /**
     * False for formats that do not state the period they cover (a WeChat Pay bill, a Stripe balance report): their
     * header's period is only the first and last day of their lines, and a period the uploader gives replaces it.
     */
    default boolean statesPeriod() {
        return true;
    }

    /** True if the decoded head of a file (its first 64 KiB) is this format. */
    boolean detects(String head);

    /**
     * @param in the file, any BOM already skipped
     * @param charset the detected charset (XML formats use their own declaration)
     * @param zones the time zone of each statement's account: times without an offset are local times there,
     *     other timestamps become business dates there
     */
    void parse(InputStream in, Charset charset, AccountZones zones, StatementSink sink);

    /** Parses a file whose statements all belong to accounts in {@code zone}. */
    default void parse(InputStream in, Charset charset, ZoneId zone, StatementSink sink) {
        parse(in, charset, AccountZones.fixed(zone), sink);
    }

    /**
     * This parser checking its file against the summary file that came with it in one archive (Alipay's
     * {@code ..._业务明细(汇总).csv}); formats without summaries refuse an archive that has one.
     */
    default StatementParser withSummary(String name, String summary) {
        throw new StatementFormatException(1,
                "the archive holds a summary file (" + name + ") but a " + format() + " file has none");
    }
}
