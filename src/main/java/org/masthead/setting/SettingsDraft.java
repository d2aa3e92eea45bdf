package org.masthead.setting;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The site settings as typed into the back-office form: every value a string, so a wrong one can be
 * shown back as it was typed, beside its error. {@link #check} turns them into {@link SiteSettings} or
 * says, per field, what is wrong.
 *
 * @param friendLinks the rows of the 友情链接 table as typed; rows with both cells blank are dropped
 */
public record SettingsDraft(
        String name,
        String tagline,
        String logoUrl,
        String copyrightSince,
        String icp,
        String publicSecurityFiling,
        String email,
        String timeZone,
        String excerptLength,
        String listPageSize,
        String homePageSize,
        String baseUrl,
        List<SiteSettings.FriendLink> friendLinks) {

    public static final int MAX_NAME = 60;
    public static final int MAX_TAGLINE = 120;
    public static final int MAX_URL = 500;
    public static final int MAX_FRIEND_LINKS = 50;
    public static final int MAX_LINK_NAME = 30;
    public static final int MIN_PAGE_SIZE = 5;
    /** The article lists answer at most 100 per page (ArticleLists.MAX_PAGE_SIZE). */
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MIN_EXCERPT = 8;
    public static final int MAX_EXCERPT = 500;

    /** 京ICP备12345678号-1, 沪ICP证030173号: a province's one-character abbreviation, 备 or 证, the number, an optional site suffix. */
    private static final Pattern ICP = Pattern.compile("\\p{IsHan}{1,2}ICP[备证]\\d{6,10}号(-\\d{1,3})?");
    /** 京公网安备 11010502030143号: the abbreviation and a 14-digit code; the space is customary but optional. */
    private static final Pattern PUBLIC_SECURITY = Pattern.compile("\\p{IsHan}{1,2}公网安备 ?\\d{14}号");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** What is wrong with one field: a message-bundle key and its arguments. */
    public record Problem(String messageKey, List<Object> arguments) {

        static Problem of(String key, Object... args) {
            return new Problem(key, List.of(args));
        }
    }

    /** The outcome: the settings when every field is right (then {@code problems} is empty), else null and the problems by field. */
    public record Checked(SiteSettings settings, Map<String, Problem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public SettingsDraft {
        friendLinks = friendLinks == null ? List.of() : List.copyOf(friendLinks);
    }

    /** The form filled with the current settings. */
    public static SettingsDraft of(SiteSettings s) {
        return new SettingsDraft(s.name(), s.tagline(), s.logoUrl(), String.valueOf(s.copyrightSince()), s.icp(), s.publicSecurityFiling(), s.email(),
                s.timeZone().getId(), String.valueOf(s.excerptLength()), String.valueOf(s.listPageSize()), String.valueOf(s.homePageSize()), s.baseUrl(),
                s.friendLinks());
    }

    /**
     * Checks every field (all of them, so the form shows every error at once). Field names in the
     * answer are the record's component names; a friend-link row is {@code friendLinks.N} (0-based, of
     * the rows kept).
     */
    public Checked check(Year thisYear) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        String siteName = clean(name);
        if (siteName.isEmpty()) {
            problems.put("name", Problem.of("settings.error.required"));
        } else if (siteName.length() > MAX_NAME) {
            problems.put("name", Problem.of("settings.error.tooLong", MAX_NAME));
        }
        String line = clean(tagline);
        if (line.length() > MAX_TAGLINE) {
            problems.put("tagline", Problem.of("settings.error.tooLong", MAX_TAGLINE));
        }
        String logo = clean(logoUrl);
        if (!logo.isEmpty() && !(logo.startsWith("/") && !logo.startsWith("//") || isWebAddress(logo)) || logo.length() > MAX_URL) {
            problems.put("logoUrl", Problem.of("settings.error.logoUrl"));
        }
        int since = number(copyrightSince, "copyrightSince", 1900, thisYear.getValue(), problems);
        String icpNumber = clean(icp);
        if (!icpNumber.isEmpty() && !ICP.matcher(icpNumber).matches()) {
            problems.put("icp", Problem.of("settings.error.icp"));
        }
        String filing = clean(publicSecurityFiling);
        if (!filing.isEmpty() && !PUBLIC_SECURITY.matcher(filing).matches()) {
            problems.put("publicSecurityFiling", Problem.of("settings.error.publicSecurityFiling"));
        }
        String mail = clean(email);
        if (!mail.isEmpty() && (!EMAIL.matcher(mail).matches() || mail.length() > 254)) {
            problems.put("email", Problem.of("settings.error.email"));
        }
        ZoneId zone = null;
        String zoneId = clean(timeZone);
        try {
            zone = ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            problems.put("timeZone", Problem.of("settings.error.timeZone"));
        }
        int excerpt = number(excerptLength, "excerptLength", MIN_EXCERPT, MAX_EXCERPT, problems);
        int listSize = number(listPageSize, "listPageSize", MIN_PAGE_SIZE, MAX_PAGE_SIZE, problems);
        int homeSize = number(homePageSize, "homePageSize", MIN_PAGE_SIZE, MAX_PAGE_SIZE, problems);
        String base = stripTrailingSlash(clean(baseUrl));
        if (!isWebAddress(base) || base.length() > MAX_URL) {
            problems.put("baseUrl", Problem.of("settings.error.baseUrl"));
        }
        List<SiteSettings.FriendLink> links = new ArrayList<>();
        for (SiteSettings.FriendLink row : friendLinks) {
            String linkName = clean(row.name()).replaceAll("\\s+", " "); // one line: stored one link per line
            String url = clean(row.url());
            if (linkName.isEmpty() && url.isEmpty()) {
                continue;
            }
            String field = "friendLinks." + links.size();
            links.add(new SiteSettings.FriendLink(linkName, url));
            if (linkName.isEmpty() || linkName.length() > MAX_LINK_NAME) {
                problems.put(field, Problem.of("settings.error.linkName", MAX_LINK_NAME));
            } else if (!isWebAddress(url) || url.length() > MAX_URL) {
                problems.put(field, Problem.of("settings.error.linkUrl", linkName));
            }
        }
        if (links.size() > MAX_FRIEND_LINKS) {
            problems.put("friendLinks", Problem.of("settings.error.tooManyLinks", MAX_FRIEND_LINKS));
        }
        if (!problems.isEmpty()) {
            return new Checked(null, Map.copyOf(problems));
        }
        return new Checked(new SiteSettings(siteName, line, since, icpNumber, filing, mail, zone, excerpt, base, logo, listSize, homeSize, links), Map.of());
    }

    /** An absolute http or https address with a host, as a browser would open it. */
    static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int number(String raw, String field, int min, int max, Map<String, Problem> problems) {
        String value = clean(raw);
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        problems.put(field, Problem.of("settings.error.range", min, max));
        return 0;
    }

    private static String clean(String value) {
        return Objects.requireNonNullElse(value, "").strip();
    }

    static String stripTrailingSlash(String url) {
        String u = Objects.requireNonNullElse(url, "").strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
