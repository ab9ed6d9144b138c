package io.walletrecon.statements;

/**
 * Where a parser delivers what it reads, in file order: the lines of a statement, then that statement's header.
 * A file of several statements (days, accounts) calls {@link #statement} once per statement; lines delivered
 * after a {@code statement} call belong to the next one.
 */
public interface StatementSink {

    void line(StatementLine line);

    void statement(StatementHeader header);
}
