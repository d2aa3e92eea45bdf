package org.masthead.ingest.feed;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates Chinese sites and feeds write, absolute and relative: 刚刚, 3分钟前, 半小时前,
 * 2小时前, 三天前, 10分钟后, 今天 08:00, 昨天 23:01, 昨晚8点, 前天, 2023年8月29日 09:18, 8月29日 09:18,
 * 2023-08-29 09:18:41, 2023/8/29, and ISO-8601 or RFC 1123 with an offset. Times without an offset
 * are in the site's zone; relative ones count from {@code now}. A month and day without a year is the
 * latest such day not after tomorrow (a list seen on 2 January still means last December for 12月31日).
 */
public final class ChineseDates {

    private static final String NUMBER = "([0-9]{1,4}|[零〇一二两三四五六七八九十百]{1,4})";
    private static final Pattern AGO = Pattern.compile("^" + NUMBER + "\\s*(秒|秒钟|分|分钟|小时|个小时|钟头|个钟头|天|日|周|星期|个星期|个月|月|年)\\s*(前|以前|之前|后|以后|之后)$");
    private static final Pattern HALF = Pattern.compile("^半(个)?(小时|钟头|分钟)(前|以前|之前|后|以后)$");
    private static final Pattern DAY_WORD = Pattern.compile("^(今天|今日|今|昨天|昨日|昨|前天|前日|明天|明日)\\s*(早上|上午|中午|下午|晚上|晚|凌晨|早)?\\s*(.*)$");
    private static final Pattern CLOCK = Pattern.compile("^([0-9]{1,2})(?:[:：]([0-9]{1,2})(?:[:：]([0-9]{1,2}))?|\\s*[点时](?:\\s*([0-9]{1,2})\\s*分?|\\s*半)?)?$");
    private static final Pattern FULL_CN = Pattern.compile("^(?:([0-9]{4})\\s*年\\s*)?([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*[日号]?\\s*(早上|上午|中午|下午|晚上|凌晨)?\\s*(.*)$");
    private static final Pattern NUMERIC = Pattern.compile("^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[T\\s]+(.*))?$");

    private ChineseDates() {}

    /** The instant meant by {@code text}, or empty when it is not a date this reads. */
    public static Optional<Instant> parse(String text, Instant now, ZoneId zone) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().replace('\u3000', ' ').replaceAll("\\s+", " ");
        if (s.isEmpty() || s.length() > 60) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(read(s, now, zone));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Instant read(String s, Instant now, ZoneId zone) {
        Instant iso = isoOrRfc(s);
        if (iso != null) {
            return iso;
        }
        if (s.equals("刚刚") || s.equals("刚才") || s.equals("just now")) {
            return now;
        }
        Matcher m = AGO.matcher(s);
        if (m.matches()) {
            long n = number(m.group(1));
            boolean future = m.group(3).contains("后");
            ZonedDateTime base = now.atZone(zone);
            ZonedDateTime at = switch (m.group(2)) {
                case "秒", "秒钟" -> base.plusSeconds(future ? n : -n);
                case "分", "分钟" -> base.plusMinutes(future ? n : -n);
                case "小时", "个小时", "钟头", "个钟头" -> base.plusHours(future ? n : -n);
                case "天", "日" -> base.plusDays(future ? n : -n);
                case "周", "星期", "个星期" -> base.plusWeeks(future ? n : -n);
                case "个月", "月" -> base.plusMonths(future ? n : -n);
                default -> base.plusYears(future ? n : -n);
            };
            return at.toInstant();
        }
        m = HALF.matcher(s);
        if (m.matches()) {
            Duration half = m.group(2).equals("分钟") ? Duration.ofSeconds(30) : Duration.ofMinutes(30);
            return m.group(3).contains("后") ? now.plus(half) : now.minus(half);
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        m = DAY_WORD.matcher(s);
        if (m.matches()) {
            LocalDate day = switch (m.group(1)) {
                case "昨天", "昨日", "昨" -> today.minusDays(1);
                case "前天", "前日" -> today.minusDays(2);
                case "明天", "明日" -> today.plusDays(1);
                default -> today;
            };
            LocalTime time = clock(m.group(3), m.group(2));
            if (time == null) {
                return null;
            }
            return day.atTime(time).atZone(zone).toInstant();
        }
        m = NUMERIC.matcher(s);
        if (m.matches()) {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = clock(m.group(4) == null ? "" : stripZoneWords(m.group(4)), null);
            return time == null ? null : day.atTime(time).atZone(zone).toInstant();
        }
        m = FULL_CN.matcher(s);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            int dayOfMonth = Integer.parseInt(m.group(3));
            LocalTime time = clock(m.group(5), m.group(4));
            if (time == null) {
                return null;
            }
            LocalDate day;
            if (m.group(1) != null) {
                day = LocalDate.of(Integer.parseInt(m.group(1)), month, dayOfMonth);
            } else {
                day = LocalDate.of(today.getYear(), month, dayOfMonth);
                if (day.isAfter(today.plusDays(1))) {
                    day = day.minusYears(1);
                }
            }
            return day.atTime(time).atZone(zone).toInstant();
        }
        return null;
    }

    /** "08:00", "23:01:05", "8点", "8点30分", "8点半", "" (midnight); the part of day moves afternoon hours. */
    private static LocalTime clock(String text, String partOfDay) {
        String s = text == null ? "" : text.strip();
        String part = partOfDay;
        for (String word : new String[] {"早上", "上午", "中午", "下午", "晚上", "凌晨"}) {
            if (s.startsWith(word)) {
                part = word;
                s = s.substring(word.length()).strip();
            }
        }
        if (s.isEmpty()) {
            return part == null ? LocalTime.MIDNIGHT : null;
        }
        Matcher m = CLOCK.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) != null ? Integer.parseInt(m.group(2)) : m.group(4) != null ? Integer.parseInt(m.group(4)) : s.endsWith("半") ? 30 : 0;
        int second = m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
        if (part != null && hour < 12 && (part.equals("下午") || part.startsWith("晚") || (part.equals("中午") && hour < 3))) {
            hour += 12;
        }
        return LocalTime.of(hour, minute, second);
    }

    private static String stripZoneWords(String time) {
        return time.replaceFirst("\\s*(CST|北京时间|\\(北京时间\\))$", "").strip();
    }

    private static Instant isoOrRfc(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** 3 → 3, 十二 → 12, 两 → 2, 二十五 → 25. */
    static long number(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(text);
        }
        long total = 0;
        long digit = 0;
        for (char c : text.toCharArray()) {
            int d = "零〇一二三四五六七八九".indexOf(c);
            if (c == '两') {
                d = 2;
            } else if (d >= 0) {
                d = d <= 1 ? 0 : d - 1;
            }
            if (d >= 0) {
                digit = d;
            } else if (c == '十') {
                total += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else if (c == '百') {
                total += (digit == 0 ? 1 : digit) * 100;
                digit = 0;
            }
        }
        return total + digit;
    }
}
