package io.walletrecon.matching;

/**
 * Money moving between a company's own accounts. A bank line whose counterparty account is the account number
 * ({@code accounts.account_number}, stored without spaces, dots or dashes) of another account of the same company is
 * a transfer between them: a debit to it is not money that left the company ({@code unexpected_debit}) and a credit
 * from it is not a customer's receipt. The debit is matched to the other account's credit of the same amount (kind
 * {@code settlement_bank}, rule {@code own_account_transfer}) by the paying account's run; a wallet account takes part
 * when its {@code accountNumber} is the account its top-ups are paid to, as the bank writes it. One SQL fragment,
 * used by the debit and the receipt rules.
 */
final class OwnAccounts {

    static final String RULE = "own_account_transfer";

    private OwnAccounts() {
    }

    /**
     * SQL: the id of the company's other account whose number is the counterparty account {@code counterparty} (an
     * SQL expression) of a line of account {@code accountId} of company {@code companyId}, or null.
     */
    static String accountOf(String counterparty, long companyId, long accountId) {
        return """
                (select o.id from accounts o where o.company_id = %2$d and o.id <> %3$d and o.account_number is not null
                    and o.account_number = upper(regexp_replace(%1$s, '[[:space:].-]', '', 'g')))"""
                .formatted(counterparty, companyId, accountId);
    }
}
