package io.walletrecon.statements;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Times in files become business dates in the zone of the statement's account: a time without an offset is a local
 * time there, a time with an offset (or UTC) is converted into it, across month ends and daylight-saving changes.
 */
class BusinessTimeTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String IBAN = "DE89370400440532013000";

    /** The v02 sample with its period and its first entry's booking at the given date-times. */
    static String camt(String from, String to, String booked) {
        return Samples.text("camt053-v02.xml", StandardCharsets.UTF_8)
                .replace("<FrDtTm>2026-03-02T00:00:00+01:00</FrDtTm>", "<FrDtTm>" + from + "</FrDtTm>")
                .replace("<ToDtTm>2026-03-02T23:59:59+01:00</ToDtTm>", "<ToDtTm>" + to + "</ToDtTm>")
                .replaceFirst("<BookgDt><Dt>2026-03-02</Dt></BookgDt>",
                        "<BookgDt><DtTm>" + booked + "</DtTm></BookgDt>");
    }

    @Test
    void camtPeriodWithoutOffsetIsTheBanksLocalMonthNotADayLate() {
        var p = Samples.parse(new CamtParser(),
                camt("2026-09-01T00:00:00", "2026-09-30T23:59:59", "2026-09-30T23:30:00").getBytes(
                        StandardCharsets.UTF_8),
                BERLIN);
        assertEquals(LocalDate.of(2026, 9, 1), p.header().periodStart());
        assertEquals(LocalDate.of(2026, 9, 30), p.header().periodEnd());
        assertEquals(LocalDate.of(2026, 9, 30), p.lines().get(0).bookingDate(), "23:30 in Berlin is still September");
    }

    @Test
    void camtPeriodEndingAtMidnightEndsTheDayBefore() {
        var p = Samples.parse(new CamtParser(),
                camt("2026-09-01T00:00:00", "2026-10-01T00:00:00", "2026-09-30T12:00:00").getBytes(
                        StandardCharsets.UTF_8),
                BERLIN);
        assertEquals(LocalDate.of(2026, 9, 1), p.header().periodStart());
        assertEquals(LocalDate.of(2026, 9, 30), p.header().periodEnd(), "up to 1 October 00:00 is September");
    }

    @Test
    void camtUtcTimesBecomeBerlinDatesAcrossBothDaylightSavingChanges() {
        // 29 March 2026 01:00 UTC Berlin goes from +01:00 to +02:00; 25 October 2026 01:00 UTC back to +01:00.
        assertEquals(LocalDate.of(2026, 3, 29), bookedIn(BERLIN, "2026-03-28T23:30:00Z"), "+01:00 before the change");
        assertEquals(LocalDate.of(2026, 3, 28), bookedIn(BERLIN, "2026-03-28T22:30:00Z"));
        assertEquals(LocalDate.of(2026, 3, 30), bookedIn(BERLIN, "2026-03-29T22:30:00Z"), "+02:00 after it");
        assertEquals(LocalDate.of(2026, 10, 1), bookedIn(BERLIN, "2026-09-30T22:30:00Z"), "summer time: October");
        assertEquals(LocalDate.of(2026, 10, 25), bookedIn(BERLIN, "2026-10-24T22:30:00Z"));
        assertEquals(LocalDate.of(2026, 10, 31), bookedIn(BERLIN, "2026-10-31T22:30:00Z"), "winter time: +01:00");
        assertEquals(LocalDate.of(2026, 11, 1), bookedIn(BERLIN, "2026-10-31T23:30:00Z"), "November in Berlin");
    }

    @Test
    void camtUtcTimesBecomeNewYorkDatesAcrossBothDaylightSavingChanges() {
        // 8 March 2026 07:00 UTC New York goes from -05:00 to -04:00; 1 November 2026 06:00 UTC back to -05:00.
        assertEquals(LocalDate.of(2026, 3, 7), bookedIn(NEW_YORK, "2026-03-08T04:30:00Z"));
        assertEquals(LocalDate.of(2026, 3, 8), bookedIn(NEW_YORK, "2026-03-09T03:30:00Z"), "-04:00 after it");
        assertEquals(LocalDate.of(2026, 3, 9), bookedIn(NEW_YORK, "2026-03-09T04:30:00Z"));
        assertEquals(LocalDate.of(2026, 10, 31), bookedIn(NEW_YORK, "2026-11-01T03:30:00Z"), "still October");
        assertEquals(LocalDate.of(2026, 11, 1), bookedIn(NEW_YORK, "2026-11-02T04:30:00Z"), "-05:00 after it");
        assertEquals(LocalDate.of(2026, 11, 2), bookedIn(NEW_YORK, "2026-11-02T05:30:00Z"));
    }

    @Test
    void camtTimesAreReadInTheZoneOfTheAccountEachStatementNames() {
        String xml = camt("2026-09-30T00:00:00+02:00", "2026-10-01T00:00:00+02:00", "2026-09-30T22:30:00Z");
        String other = xml.substring(xml.indexOf("<Stmt>"), xml.indexOf("</Stmt>") + 7)
                .replace(IBAN, "US12345678901")
                .replace("<Id>DE89370400440532013000-2026-03-02</Id>", "<Id>US-2026-09-30</Id>");
        String both = xml.replace("</Stmt>", "</Stmt>" + other);
        Map<String, ZoneId> zones = Map.of(IBAN, BERLIN, "US12345678901", NEW_YORK);
        var p = Samples.parse(new CamtParser(), both.getBytes(StandardCharsets.UTF_8),
                n -> n == null ? ZoneId.of("UTC") : zones.get(n));
        assertEquals(2, p.statements().size());
        assertEquals(LocalDate.of(2026, 9, 30), p.statements().get(0).periodEnd(), "midnight in Berlin ends Sep 30");
        assertEquals(LocalDate.of(2026, 10, 1), p.lines().get(0).bookingDate(), "00:30 in Berlin");
        assertEquals(LocalDate.of(2026, 9, 30), p.statements().get(1).periodEnd(), "18:00 on Sep 30 in New York");
        assertEquals(LocalDate.of(2026, 9, 30), p.lines().get(4).bookingDate(), "18:30 in New York");
    }

    @Test
    void stripeUtcTimesBecomeDatesOfTheAccountAcrossDaylightSavingAndMonthEnds() {
        String csv = Samples.text("stripe-balance.csv", StandardCharsets.UTF_8)
                .replace("2026-03-01 08:15:00", "2026-03-28 23:30:00")
                .replace("2026-03-01 09:00:00", "2026-10-31 22:30:00")
                .replace("2026-03-01 23:30:00", "2026-10-31 23:30:00")
                .replace("2026-03-03 02:00:00,2026-03-03 02:00:00", "2026-11-01 03:30:00,2026-11-01 03:30:00");
        var berlin = Samples.parse(new StripeBalanceParser(), csv.getBytes(StandardCharsets.UTF_8), BERLIN).lines();
        assertEquals(List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 1)), berlin.stream().map(StatementLine::valueDate).toList());
        var newYork = Samples.parse(new StripeBalanceParser(), csv.getBytes(StandardCharsets.UTF_8), NEW_YORK)
                .lines();
        assertEquals(List.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 10, 31)), newYork.stream().map(StatementLine::valueDate).toList());
    }

    @Test
    void wechatTimesWithoutOffsetAreLocalTimesOfTheAccountWhateverItsZone() {
        String csv = Samples.text("wechatpay-bill.csv", StandardCharsets.UTF_8)
                .replace("2026-03-01 09:30:12", "2026-03-31 23:59:59");
        for (ZoneId zone : List.of(ZoneId.of("Asia/Shanghai"), BERLIN, NEW_YORK)) {
            var p = Samples.parse(new WechatPayBillParser(), csv.getBytes(StandardCharsets.UTF_8), zone);
            assertEquals(LocalDate.of(2026, 3, 31), p.lines().get(0).valueDate(), zone.toString());
            assertEquals(LocalDate.of(2026, 3, 31), p.header().periodEnd(), zone.toString());
        }
    }

    private static LocalDate bookedIn(ZoneId zone, String booked) {
        String xml = camt("2026-03-01T00:00:00", "2026-11-30T23:59:59", booked);
        return Samples.parse(new CamtParser(), xml.getBytes(StandardCharsets.UTF_8), zone).lines().get(0)
                .bookingDate();
    }
}
