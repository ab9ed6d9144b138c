package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextDecodingTest {

    static Charset detect(String text, Charset written) {
        byte[] b = text.getBytes(written);
        return TextDecoding.detect(b, b.length).charset();
    }

    @Test
    void utf8AndItsBomAreRecognised() {
        assertEquals(StandardCharsets.UTF_8, detect(":86:Zahlung Müller ĄŁŚ 张三", StandardCharsets.UTF_8));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertEquals(3, TextDecoding.detect(bom, bom.length).bomLength());
    }

    @Test
    void chineseTextIsGbk() {
        assertEquals(TextDecoding.GBK, detect("#账号：[2088]\n上海示例贸易有限公司 货款,张三", TextDecoding.GBK));
    }

    @Test
    void westernEuropeanSingleByteTextIsWindows1252() {
        assertEquals(TextDecoding.WINDOWS_1252,
                detect(":86:Überweisung Müller Straße, café à Besançon", TextDecoding.WINDOWS_1252));
    }

    @Test
    void polishTextIsTellsIso88592FromWindows1250() {
        String polish = ":86:Przelew środków; Łódź, ul. Źródlana, zażółć gęślą jaźń";
        assertEquals(TextDecoding.ISO_8859_2, detect(polish, TextDecoding.ISO_8859_2));
        assertEquals(TextDecoding.WINDOWS_1250, detect(polish, TextDecoding.WINDOWS_1250));
    }
}
