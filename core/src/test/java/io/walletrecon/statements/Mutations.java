package io.walletrecon.statements;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Damaged variants of the valid samples, for fuzzing: truncations, byte flips, duplicated, dropped and swapped
 * lines, the text re-encoded in a wrong charset, NUL bytes, stray separators and markup, huge numbers, repeated
 * spans. Deterministic for a given {@link Random} seed, so a failure names what to replay.
 */
public final class Mutations {

    /** A valid sample and the account currency it belongs to. */
    public record Seed(String name, byte[] bytes, String currency) {
    }

    /** One damaged file: which sample, what was done to it. */
    public record Mutant(Seed seed, String mutation, byte[] bytes) {
        @Override
        public String toString() {
            return seed.name() + " / " + mutation;
        }
    }

    private static final String[] NASTY = {"\n:61:", "\n:20:", "?20", "?3", "</Ntry>", "<Stmt>", "<Ntry>", ",", "\"",
            "`", "-", "\n-\n",
            "99999999999999999999", "9223372036854775807,99", "&amp;", "]]>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "\r",
            "#", "合计", "\u00e9",
            "16,", "\n88,", "\n49,+0,1/", "/", ":", "\t", "0", "E", "NaN", "1e9", "2026-13-45", "2099-02-30 25:61:61",
            "\uFEFF"};
    private static final Charset[] WRONG = {StandardCharsets.UTF_16LE, TextDecoding.GBK, StandardCharsets.ISO_8859_1,
            Charset.forName("windows-1250"), StandardCharsets.UTF_8};

    private Mutations() {
    }

    /**
     * Every valid sample under src/test/resources/statements, plus the WeChat bill GZIP'd and the Alipay bill zipped
     * with its summary.
     */
    public static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>(List.of(
                new Seed("mt940.txt", Samples.bytes("mt940.txt"), "EUR"),
                new Seed("mt942.txt", Samples.bytes("mt942.txt"), "PLN"),
                new Seed("camt053-v02.xml", Samples.bytes("camt053-v02.xml"), "EUR"),
                new Seed("camt053-v08.xml", Samples.bytes("camt053-v08.xml"), "CHF"),
                new Seed("bai2.txt", Samples.bytes("bai2.txt"), "USD"),
                new Seed("alipay-bill.gbk.csv", Samples.bytes("alipay-bill.gbk.csv"), "CNY"),
                new Seed("alipay-flow.gbk.csv", Samples.bytes("alipay-flow.gbk.csv"), "CNY"),
                new Seed("wechatpay-bill.csv", Samples.bytes("wechatpay-bill.csv"), "CNY"),
                new Seed("wechatpay-flow.csv", Samples.bytes("wechatpay-flow.csv"), "CNY"),
                new Seed("stripe-balance.csv", Samples.bytes("stripe-balance.csv"), "USD")));
        seeds.add(new Seed("wechatpay-bill.csv.gz", gzip(Samples.bytes("wechatpay-bill.csv")), "CNY"));
        seeds.add(new Seed("alipay-bill.zip", alipayZip(), "CNY"));
        return seeds;
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The Alipay bill as downloaded: detail and summary in a zip, entry names in GBK. */
    public static byte[] alipayZip() {
        return zip("20881234567890120156_20260301_业务明细.csv", Samples.bytes("alipay-bill.gbk.csv"),
                "20881234567890120156_20260301_业务明细(汇总).csv", Samples.bytes("alipay-bill-summary.gbk.csv"));
    }

    public static byte[] zip(String detailName, byte[] detail, String summaryName, byte[] summary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, TextDecoding.GBK)) {
            zip.putNextEntry(new ZipEntry(detailName));
            zip.write(detail);
            zip.closeEntry();
            if (summary != null) {
                zip.putNextEntry(new ZipEntry(summaryName));
                zip.write(summary);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * How many kinds of damage {@link #mutate(Seed, int, Random)} knows: 0 truncation, 1 a byte set, 2 a line
     * duplicated, 3 dropped, 4 swapped, 5 a wrong charset, 6 a NUL byte, 7 a nasty string inserted, 8 digits changed,
     * 9 a span repeated.
     */
    public static final int KINDS = 10;

    /** Damage of a kind the random source picks. */
    public static Mutant mutate(Seed seed, Random random) {
        return mutate(seed, random.nextInt(KINDS), random);
    }

    /** Damage of the given kind ({@code 0 <= kind < KINDS}), where and how the random source picks. */
    public static Mutant mutate(Seed seed, int kind, Random random) {
        if (kind < 0 || kind >= KINDS) {
            throw new IllegalArgumentException("no mutation kind " + kind);
        }
        byte[] b = seed.bytes();
        int at = random.nextInt(b.length);
        return switch (kind) {
            case 0 -> new Mutant(seed, "truncated at byte " + at, Arrays.copyOf(b, at));
            case 1 -> {
                byte[] c = b.clone();
                int value = random.nextInt(256);
                c[at] = (byte) value;
                yield new Mutant(seed, "byte " + at + " set to " + value, c);
            }
            case 2, 3, 4 -> lines(seed, kind, random);
            case 5 -> {
                Charset wrong = WRONG[random.nextInt(WRONG.length)];
                TextDecoding.Detected d = TextDecoding.detect(b, b.length);
                yield new Mutant(seed, "re-encoded from " + d.charset() + " as " + wrong,
                        new String(b, d.charset()).getBytes(wrong));
            }
            case 6 -> new Mutant(seed, "NUL inserted at byte " + at, insert(b, at, new byte[]{0}));
            case 7 -> {
                String nasty = NASTY[random.nextInt(NASTY.length)];
                yield new Mutant(seed, "'" + printable(nasty) + "' inserted at byte " + at,
                        insert(b, at, nasty.getBytes(StandardCharsets.UTF_8)));
            }
            case 8 -> {
                byte[] c = b.clone();
                int digits = 0;
                for (int i = 0; i < c.length && digits < 3; i++) {
                    int j = (at + i) % c.length;
                    if (c[j] >= '0' && c[j] <= '9') {
                        c[j] = (byte) "0123456789,.-+ ".charAt(random.nextInt(15));
                        digits++;
                    }
                }
                yield new Mutant(seed, "three digits from byte " + at + " changed", c);
            }
            default -> {
                int length = Math.min(b.length - at, 1 + random.nextInt(64));
                int times = 1 + random.nextInt(50);
                byte[] span = Arrays.copyOfRange(b, at, at + length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at + length);
                for (int i = 0; i < times; i++) {
                    out.write(span, 0, span.length);
                }
                out.write(b, at + length, b.length - at - length);
                yield new Mutant(seed, length + " bytes at " + at + " repeated " + times + " times", out.toByteArray());
            }
        };
    }

    private static Mutant lines(Seed seed, int kind, Random random) {
        List<byte[]> lines = split(seed.bytes());
        int i = random.nextInt(lines.size());
        String what;
        if (kind == 2) {
            lines.add(i, lines.get(i));
            what = "line " + (i + 1) + " duplicated";
        } else if (kind == 3 && lines.size() > 1) {
            lines.remove(i);
            what = "line " + (i + 1) + " dropped";
        } else {
            int j = Math.min(lines.size() - 1, i + 1);
            byte[] t = lines.get(i);
            lines.set(i, lines.get(j));
            lines.set(j, t);
            what = "lines " + (i + 1) + " and " + (j + 1) + " swapped";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(l -> out.write(l, 0, l.length));
        return new Mutant(seed, what, out.toByteArray());
    }

    /** Lines with their line ends; an archive is "lines" of its raw bytes too. */
    private static List<byte[]> split(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(Arrays.copyOfRange(b, start, i + 1));
                start = i + 1;
            }
        }
        if (start < b.length) {
            out.add(Arrays.copyOfRange(b, start, b.length));
        }
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] c = new byte[b.length + what.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(what, 0, c, at, what.length);
        System.arraycopy(b, at, c, at + what.length, b.length - at);
        return c;
    }

    private static String printable(String s) {
        return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
