package io.walletrecon.customers;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Company names compared as finance people compare them: "上海某某贸易有限公司", "上海某某貿易有限公司" and "上海 某某贸易公司" are the
 * same payer, as are "Müller GmbH" and "MÜLLER"; never used to match by itself, only to suggest a customer to a
 * person. {@link #normalise}: full-width to half-width (NFKC), traditional to simplified Chinese for the characters
 * common in company names, lower case, the legal-form suffixes at the end dropped (有限公司, 有限责任公司, 股份有限公司, 公司,
 * GmbH, Ltd, Limited, Inc, LLC, AG, SA, Co, Corp), then every space and punctuation mark.
 */
public final class CompanyNames {

    private static final String TRADITIONAL = "國際貿電氣機業實發東華廣龍區灣臺門開關財務訊網絡資產創聯團銀證險車輪運輸貨飲館醫藥衛設計術學習書報經濟營銷購進陽歐亞豐興達長樂萬億環視聽軟體數碼動雲號廠礦鐵鋼紡織裝飾傳諮詢顧問測驗檢質標準農漁園莊鎮縣鄉蘇寧滬遼義禮優匯銳維納紅綠藍黃寶鳳鴻順風飛點線單雙聖滙為與個會們來時間後從種專責總麗燈熱暢潔淨態應頭廈鄭陳劉張趙楊吳週錢馬葉許謝鄧韓馮盧蔣羅鍾蕭華產織";
    private static final String SIMPLIFIED = "国际贸电气机业实发东华广龙区湾台门开关财务讯网络资产创联团银证险车轮运输货饮馆医药卫设计术学习书报经济营销购进阳欧亚丰兴达长乐万亿环视听软体数码动云号厂矿铁钢纺织装饰传咨询顾问测验检质标准农渔园庄镇县乡苏宁沪辽义礼优汇锐维纳红绿蓝黄宝凤鸿顺风飞点线单双圣汇为与个会们来时间后从种专责总丽灯热畅洁净态应头厦郑陈刘张赵杨吴周钱马叶许谢邓韩冯卢蒋罗钟萧华产织";
    private static final Map<Integer, Integer> TO_SIMPLIFIED = new HashMap<>();
    /** Longest first, so that 有限责任公司 is dropped whole and not as 公司 leaving 有限责任. */
    private static final List<String> CHINESE_SUFFIXES = List.of("股份有限公司", "有限责任公司", "有限公司", "公司");
    private static final List<String> LATIN_SUFFIXES = List.of("gmbh", "ltd", "limited", "inc", "llc", "ag", "sa",
            "co", "corp", "corporation");

    static {
        for (int i = 0; i < TRADITIONAL.length(); i++) {
            TO_SIMPLIFIED.put((int) TRADITIONAL.charAt(i), (int) SIMPLIFIED.charAt(i));
        }
    }

    private CompanyNames() {
    }

    /** The comparable form of a company name; empty for a name of nothing but a legal form or punctuation. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().map(c -> TO_SIMPLIFIED.getOrDefault(c, c))
                .map(c -> Character.isLetterOrDigit(c) ? c : ' ')
                .forEach(b::appendCodePoint);
        String text = b.toString().strip().replaceAll("\\s+", " ");
        boolean dropped = true;
        while (dropped && !text.isEmpty()) {
            dropped = false;
            for (String suffix : CHINESE_SUFFIXES) {
                if (text.endsWith(suffix)) {
                    text = text.substring(0, text.length() - suffix.length()).strip();
                    dropped = true;
                    break;
                }
            }
            for (String suffix : LATIN_SUFFIXES) {
                if (text.equals(suffix) || text.endsWith(" " + suffix)) {
                    text = text.substring(0, text.length() - suffix.length()).strip();
                    dropped = true;
                    break;
                }
            }
        }
        return text.replace(" ", "");
    }

    /**
     * Whether two names are the same company's by {@link #normalise}; never for two names that normalise to nothing.
     */
    public static boolean same(String a, String b) {
        String x = normalise(a);
        return !x.isEmpty() && x.equals(normalise(b));
    }
}
