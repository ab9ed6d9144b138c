package io.walletrecon.reports;

import io.walletrecon.console.Language;

import java.util.HashMap;
import java.util.Map;

/**
 * What people read in report files instead of field names: every column, figure and heading in English and
 * Simplified Chinese. JSON keeps the field names (programs read it); PDF, XLSX and CSV print these labels. A key with
 * no label prints as itself, so a new column is never lost, only untranslated ({@code ReportLabelsTest} checks that
 * every column the reports have is labelled).
 */
public final class ReportLabels {

    private static final Map<String, String[]> LABELS = new HashMap<>();

    static {
        // Headings and the words around them.
        label("period", "Period", "期间");
        label("asOf", "As of", "截止日期");
        label("generated", "generated", "生成于");
        label("page", "page", "页");
        label("to", "to", "至");
        label("account", "Account", "账户");
        label("customer", "Customer", "客户");
        label("from", "From", "起始日期");
        label("totals", "Totals", "合计");
        label("figures", "Figures", "汇总");
        label("by.day", "by day", "按日");
        label("by.week", "by week", "按周");
        label("by.month", "by month", "按月");
        label("truncated", "truncated: an XLSX sheet holds at most %d rows; export CSV for all rows",
                "已截断：XLSX 工作表最多 %d 行；全部数据请导出 CSV");
        // Report titles.
        label("reconciliation", "Reconciliation statement", "对账单");
        label("differences", "Difference report", "差异报告");
        label("fund-flow", "Fund-flow summary", "资金流量汇总");
        label("customer-statement", "Customer statement", "客户对账单");
        label("bank-reconciliation", "Bank reconciliation statement", "银行存款余额调节表");
        // Columns of the reports.
        label("accountCode", "Account", "账户");
        label("accountName", "Account name", "账户名称");
        label("currency", "Currency", "币种");
        label("date", "Date", "日期");
        label("day", "Day", "日期");
        label("valueDate", "Value date", "起息日");
        label("businessDate", "Business date", "业务日期");
        label("periodStart", "Period start", "期间开始");
        label("openingBalance", "Opening balance", "期初余额");
        label("closingBalance", "Closing balance", "期末余额");
        label("inflows", "Inflows", "流入");
        label("outflows", "Outflows", "流出");
        label("inflow", "Inflow", "流入");
        label("outflow", "Outflow", "流出");
        label("fees", "Fees", "手续费");
        label("fee", "Fee", "手续费");
        label("net", "Net", "净额");
        label("computedClosing", "Closing balance (computed)", "期末余额（计算）");
        label("reportedClosing", "Closing balance (reported)", "期末余额（对账单）");
        label("computedAtReported", "Computed balance at the reported date", "对账单日的计算余额");
        label("reportedAsOf", "Reported as of", "对账单日期");
        label("difference", "Difference", "差额");
        label("balance", "Balance", "余额");
        label("amount", "Amount", "金额");
        label("expected", "Expected", "应收/应付");
        label("actual", "Actual", "实际");
        label("unmatchedAmount", "Unmatched amount", "未匹配金额");
        label("unmatchedCount", "Unmatched items", "未匹配笔数");
        label("count", "Count", "笔数");
        label("transactions", "Transactions", "交易笔数");
        label("kind", "Kind", "类型");
        label("type", "Type", "类型");
        label("status", "Status", "状态");
        label("direction", "Direction", "方向");
        label("reference", "Reference", "参考号");
        label("counterparty", "Counterparty", "对方单位");
        label("customerName", "Customer", "客户");
        label("customerId", "Customer no.", "客户编号");
        label("externalId", "Customer ref.", "客户代码");
        label("invoice", "Invoice", "发票");
        label("issueDate", "Issue date", "开票日期");
        label("dueDate", "Due date", "到期日");
        label("paid", "Paid", "已付");
        label("outstanding", "Outstanding", "未付");
        label("providerTxnId", "Provider transaction", "渠道交易号");
        label("exceptionId", "Exception", "异常编号");
        label("exception", "Exception", "异常编号");
        label("ageDays", "Age (days)", "账龄（天）");
        label("memo", "Memo", "摘要");
        label("detail", "Detail", "说明");
        label("lines", "Lines", "明细");
        label("days", "Days", "每日");
        label("items", "Items", "明细");
        label("exceptions", "Exceptions", "异常");
        label("reconcilingItems", "Reconciling items", "调节项目");
        label("bookSource", "Book kept from", "账面依据");
        label("explained", "Explained by reconciling items", "调节项目已解释");
        label("unexplained", "Unexplained", "未解释差额");
        label("itemType", "Item type", "项目类型");
        label("itemId", "Item", "项目编号");
        label("balances", "Balances", "余额");
        label("flows", "Flows", "资金流量");
        label("totalsByType", "Totals by type", "按类型合计");
        label("series", "Series", "序列");
        label("byCurrency", "By currency", "按币种");
        label("topCustomers", "Top customers", "主要客户");
        label("group", "Item", "项目");
        label("id", "No.", "编号");
        label("opening", "Opening balance", "期初余额");
        label("closing", "Closing balance", "期末余额");
        label("reportedClosingBalance", "Closing balance (reported)", "期末余额（对账单）");
        label("movements", "Movements", "发生额");
        label("matchedAmount", "Matched amount", "已匹配金额");
        label("matchedCount", "Matched items", "已匹配笔数");
        label("invoiced", "Invoiced", "开票金额");
        label("label", "Item", "项目");
        label("lineId", "Line", "明细编号");
        label("lineType", "Line type", "明细类型");
        label("openReceivables", "Open receivables", "未结应收");
        label("paymentCount", "Payments", "付款笔数");
        label("payments", "Payments", "付款");
        label("unresolved", "Unresolved", "未解决");
        label("effect", "Effect on balance", "对余额的影响");
        label("description", "Description", "说明");
        label("detectedAt", "Detected at", "发现时间");
        label("assignee", "Assignee", "处理人");
        label("annotations", "Notes", "备注");
        label("groupBy", "Grouped by", "分组");
        label("company", "Company", "公司");
        // The bank reconciliation statement (余额调节表).
        label("journalBalance", "Balance per bank journal", "企业银行存款日记账余额");
        label("bankReceivedNotBooked", "Add: received by the bank, not yet booked", "加：银行已收、企业未收");
        label("bankPaidNotBooked", "Less: paid by the bank, not yet booked", "减：银行已付、企业未付");
        label("bookedReceivedNotInBank", "Add: booked as received, not yet at the bank", "加：企业已收、银行未收");
        label("bookedPaidNotInBank", "Less: booked as paid, not yet at the bank", "减：企业已付、银行未付");
        label("adjustedBalance", "Adjusted balance", "调节后余额");
        label("bankBalance", "Balance per bank statement", "银行对账单余额");
        label("bankStatementDate", "Bank statement of", "银行对账单日期");
        label("unexplainedDifference", "Unexplained difference", "未达账项以外的差额");
        label("journalSide", "Bank journal", "企业账面");
        label("bankSide", "Bank statement", "银行对账单");
        // Payouts and settlements: what each contains and where it arrived.
        label("payouts", "Payouts and settlements", "提现与结算明细");
        label("payout", "Payout", "提现/结算");
        label("payoutId", "Payout", "提现/结算单号");
        label("payoutAmount", "Paid out", "提现/结算金额");
        label("gross", "Gross", "交易总额");
        label("refunds", "Refunds", "退款");
        label("disputes", "Disputes", "争议/拒付");
        label("adjustments", "Adjustments", "调整");
        label("itemCount", "Items", "笔数");
        label("component", "Counts under", "计入");
        label("refundedWithoutRow", "Refunded (no refund row)", "已退款（无退款明细）");
        label("arrival", "At the bank", "到账情况");
        label("bankAccount", "Bank account", "银行账户");
        label("arrivedOn", "Arrived on", "到账日期");
        label("bankCurrency", "Bank currency", "到账币种");
        label("bankAmount", "Amount at the bank", "到账金额");
        label("bankReference", "Bank reference", "银行参考号");
        label("arrived", "Arrived", "已到账");
        label("suggested", "Suggested", "待确认");
        label("ambiguous", "Ambiguous", "无法唯一匹配");
        label("not_arrived", "Not arrived", "未到账");
        label("pending", "Not yet at the bank", "尚未到账");
        label("arrival.suggested",
                "a bank line is proposed by amount and date or exchange rate; confirm or reject the match",
                "已按金额和日期（或汇率）建议一笔银行流水，请确认或拒绝该匹配");
        label("arrival.ambiguous",
                "several bank lines fit it, or its bank line fits several payouts; see its exception",
                "有多笔银行流水符合，或其银行流水符合多笔提现；请查看异常");
        label("arrival.not_arrived",
                "no bank line shows it after the configured days, with the bank's statements of those days in; see its exception",
                "超过设定天数仍无银行流水（相应日期的银行对账单已导入）；请查看异常");
        label("arrival.pending",
                "no bank line shows it yet: the bank's statements of the days it may arrive on are not all in, or matching has not run since",
                "尚无银行流水：可能到账日期的银行对账单尚未全部导入，或此后尚未运行匹配");
        // The bank balance confirmation (银企余额对账) and its sign-off.
        label("balance-confirmation", "Bank balance confirmation", "银企余额对账确认书");
        label("confirmedBankBalance", "Balance the bank states", "银行询证余额");
        label("result", "Result", "对账结果");
        label("agrees", "Agrees", "相符");
        label("disagrees", "Disagrees: the bank reconciliation statement is attached", "不相符（附余额调节表）");
        label("preparedBy", "Prepared by", "编制人");
        label("preparedAt", "Prepared at (UTC)", "编制时间（UTC）");
        label("preparationNote", "Preparer's note", "编制说明");
        label("reviewedBy", "Reviewed by", "复核人");
        label("reviewedAt", "Reviewed at (UTC)", "复核时间（UTC）");
        label("reviewNote", "Reviewer's note", "复核意见");
        label("attachments", "Attachments", "附件");
        label("document", "Document", "文件");
        label("language", "Language", "语言");
        label("sha256", "SHA-256", "SHA-256");
    }

    private ReportLabels() {
    }

    private static void label(String key, String en, String zh) {
        LABELS.put(key, new String[]{en, zh});
    }

    /** The label of {@code key} in {@code language}; the key itself when it has none. */
    public static String of(String key, Language language) {
        String[] l = LABELS.get(key);
        if (l == null) {
            return key;
        }
        return language == Language.ZH_CN ? l[1] : l[0];
    }

    /** Whether {@code key} has a label. */
    public static boolean has(String key) {
        return LABELS.containsKey(key);
    }
}
