package io.walletrecon.matching;

/**
 * Which bank credits are a customer's payments. A bank line has no customer column: it is a customer's receipt
 * through its live confirmed receipt match, one that pays that customer's receivables or that a person made claiming
 * the credit for the customer ({@link ReceiptClaimService}, whose evidence names the customer). Customer statements
 * and their links read the customer's bank receipts through this one fragment.
 */
public final class CustomerReceipts {

    /** The line type of a bank receipt on a customer statement, beside {@code payment} (a wallet transaction). */
    public static final String BANK_LINE_TYPE = "bank_payment";

    private CustomerReceipts() {
    }

    /**
     * SQL: the ids ({@code item_id}) of the bank lines that are receipts of the customer whose id is the bind
     * {@code customer} (such as {@code $1} or {@code ?2}).
     */
    public static String bankLineIds(String customer) {
        return """
                select li.item_id
                  from receivables r
                  join match_items ri on ri.item_type = 'receivable' and ri.item_id = r.id and ri.live
                                     and ri.match_kind = '%2$s'
                  join matches m on m.id = ri.match_id and m.status = '%3$s'
                  join match_items li on li.match_id = m.id and li.item_type = 'statement_line' and li.live
                 where r.customer_id = cast(%1$s as bigint)
                union
                select li.item_id
                  from matches m
                  join match_items li on li.match_id = m.id and li.item_type = 'statement_line' and li.live
                 where m.account_id in (select a.id from accounts a join customers c on c.company_id = a.company_id
                                         where c.id = cast(%1$s as bigint) and a.provider = 'bank')
                   and m.kind = '%2$s' and m.rule = 'claim' and m.status = '%3$s'
                   and m.evidence ->> 'customer' = cast(cast(%1$s as bigint) as text)"""
                .formatted(customer, MatchRulesRepository.KIND_RECEIPT, MatchStatus.CONFIRMED.code());
    }
}
