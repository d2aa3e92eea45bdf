package org.masthead.setting;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import org.masthead.platform.AdminAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads and changes the site settings; reads come from memory, every change goes to the database first.
 *
 * <p>Several app nodes on one database: each holds the settings in memory, so each save also writes a new
 * stamp ({@value #STAMP}, a random token) in the same transaction, and every node reads that one row every
 * couple of seconds ({@link #follow}). When it moved, the node reads the settings again and publishes
 * {@link SiteSettingsChanged} as a save does, so its page cache drops the pages that show them. A node
 * does not announce its own save twice: it remembers the stamp it wrote. No cluster channel is needed;
 * the cost is one primary-key read per node every interval.
 */
@Service
@EnableConfigurationProperties(InitialSiteSettings.class)
public class SiteSettingsStore {

    private static final Logger log = LoggerFactory.getLogger(SiteSettingsStore.class);
    private static final String FRIEND_LINKS = "site.friend-links";
    /** The row whose value changes with every save: what other nodes watch. */
    static final String STAMP = "settings.stamp";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AdminAudit audit;
    private final Clock clock;
    private volatile SiteSettings current;
    /** The stamp the settings in memory were read at (null: none written yet). */
    private volatile String seenStamp;
    /** The stamp this node's last save wrote: seeing it come back is no news. */
    private volatile String ownStamp;

    SiteSettingsStore(JdbcClient jdbc, InitialSiteSettings initial, ApplicationEventPublisher events, AdminAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        seed(initial);
        this.seenStamp = stamp();
        this.current = load();
    }

    public SiteSettings current() {
        return current;
    }

    /** Validates and stores new settings; they show on the next page served. */
    @Transactional
    public SiteSettings update(SiteSettings settings) {
        validate(settings);
        return store(settings);
    }

    /**
     * Checks the form's values and, when all are right, stores them, writes who changed which settings to
     * the audit trail and drops every cached page (through {@link SiteSettingsChanged}). When any is
     * wrong nothing is stored, and the answer names each wrong field.
     */
    @Transactional
    public SettingsDraft.Checked save(SettingsDraft draft, AdminAudit.By by) {
        SettingsDraft.Checked checked = draft.check(Year.now(clock.withZone(current.timeZone())));
        if (!checked.ok()) {
            return checked;
        }
        Map<String, String> before = asMap(current);
        Map<String, String> after = asMap(checked.settings());
        StringJoiner changed = new StringJoiner(", ");
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                changed.add(key.substring("site.".length()));
            }
        });
        store(checked.settings());
        audit.record(by, "settings.update", "site", changed.length() == 0 ? "-" : changed.toString());
        return new SettingsDraft.Checked(current, Map.of());
    }

    /** A flag or value the application keeps for itself (e.g. that the demo was loaded). */
    public String value(String name) {
        return jdbc.sql("SELECT value FROM site_setting WHERE name = ?").param(name).query(String.class).optional().orElse(null);
    }

    @Transactional
    public void putValue(String name, String value) {
        write(name, value);
    }

    /**
     * Picks up a save made on another node: one read of the stamp; when it moved, the settings are read
     * again (after the stamp, so they are at least as new) and, unless this node wrote it, announced.
     */
    @Scheduled(fixedDelayString = "${masthead.settings.check-interval:2s}", initialDelayString = "${masthead.settings.check-interval:2s}")
    synchronized void follow() {
        String stamp = stamp();
        if (Objects.equals(stamp, seenStamp)) {
            return;
        }
        seenStamp = stamp;
        SiteSettings before = current;
        current = load();
        // Its own save is no news, unless what this node held differs (a read here raced the save's commit).
        if (!Objects.equals(stamp, ownStamp) || !before.equals(current)) {
            log.info("Site settings changed on another node: read again");
            events.publishEvent(new SiteSettingsChanged(clock.instant()));
        }
    }

    private String stamp() {
        return jdbc.sql("SELECT value FROM site_setting WHERE name = ?").param(STAMP).query(String.class).optional().orElse(null);
    }

    private SiteSettings store(SiteSettings settings) {
        asMap(settings).forEach(this::write);
        String stamp = UUID.randomUUID().toString();
        write(STAMP, stamp);
        ownStamp = stamp;
        current = load();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Held before the commit; should the transaction roll back, what the database still says is held again.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        current = load();
                    }
                }
            });
        }
        events.publishEvent(new SiteSettingsChanged(clock.instant()));
        return current;
    }

    private void seed(InitialSiteSettings initial) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("site.name", Objects.requireNonNullElse(initial.name(), "报头新闻"));
        defaults.put("site.tagline", Objects.requireNonNullElse(initial.tagline(), ""));
        defaults.put("site.copyright-since", String.valueOf(Objects.requireNonNullElse(initial.copyrightSince(), Year.now().getValue())));
        defaults.put("site.icp", Objects.requireNonNullElse(initial.icp(), ""));
        defaults.put("site.public-security-filing", Objects.requireNonNullElse(initial.publicSecurityFiling(), ""));
        defaults.put("site.email", Objects.requireNonNullElse(initial.email(), ""));
        defaults.put("site.time-zone", Objects.requireNonNullElse(initial.timeZone(), "Asia/Shanghai"));
        defaults.put("site.excerpt-length", String.valueOf(Objects.requireNonNullElse(initial.excerptLength(), 36)));
        defaults.put("site.base-url", Objects.requireNonNullElse(initial.baseUrl(), "http://localhost:8080"));
        defaults.forEach((name, value) -> jdbc.sql("INSERT INTO site_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(name, value)
                .update());
    }

    private void write(String name, String value) {
        jdbc.sql("INSERT INTO site_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .params(name, value)
                .update();
    }

    private SiteSettings load() {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("SELECT name, value FROM site_setting").query((rs, n) -> values.put(rs.getString(1), rs.getString(2))).list();
        // Logo, page sizes and friend links came later: a database from before has none of them yet.
        return new SiteSettings(
                values.get("site.name"),
                values.get("site.tagline"),
                Integer.parseInt(values.get("site.copyright-since")),
                values.get("site.icp"),
                values.get("site.public-security-filing"),
                values.get("site.email"),
                ZoneId.of(values.get("site.time-zone")),
                Integer.parseInt(values.get("site.excerpt-length")),
                SettingsDraft.stripTrailingSlash(values.get("site.base-url")),
                values.getOrDefault("site.logo-url", ""),
                Integer.parseInt(values.getOrDefault("site.list-page-size", String.valueOf(SiteSettings.DEFAULT_LIST_PAGE_SIZE))),
                Integer.parseInt(values.getOrDefault("site.home-page-size", String.valueOf(SiteSettings.DEFAULT_HOME_PAGE_SIZE))),
                friendLinks(values.getOrDefault(FRIEND_LINKS, "")));
    }

    /** One link a line, name and address separated by a tab (a name is one line without tabs; an address holds neither). */
    static List<SiteSettings.FriendLink> friendLinks(String stored) {
        List<SiteSettings.FriendLink> links = new ArrayList<>();
        for (String line : stored.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                links.add(new SiteSettings.FriendLink(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return links;
    }

    static String friendLinks(List<SiteSettings.FriendLink> links) {
        StringJoiner lines = new StringJoiner("\n");
        links.forEach(l -> lines.add(l.name().replaceAll("\\s+", " ").strip() + "\t" + l.url().strip()));
        return lines.toString();
    }

    private static Map<String, String> asMap(SiteSettings s) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("site.name", s.name().strip());
        map.put("site.tagline", Objects.requireNonNullElse(s.tagline(), "").strip());
        map.put("site.copyright-since", String.valueOf(s.copyrightSince()));
        map.put("site.icp", Objects.requireNonNullElse(s.icp(), "").strip());
        map.put("site.public-security-filing", Objects.requireNonNullElse(s.publicSecurityFiling(), "").strip());
        map.put("site.email", Objects.requireNonNullElse(s.email(), "").strip());
        map.put("site.time-zone", s.timeZone().getId());
        map.put("site.excerpt-length", String.valueOf(s.excerptLength()));
        map.put("site.base-url", SettingsDraft.stripTrailingSlash(s.baseUrl()));
        map.put("site.logo-url", s.logoUrl().strip());
        map.put("site.list-page-size", String.valueOf(s.listPageSize()));
        map.put("site.home-page-size", String.valueOf(s.homePageSize()));
        map.put(FRIEND_LINKS, friendLinks(s.friendLinks()));
        return map;
    }

    /** The checks of {@link SettingsDraft#check} for settings built in code; the first problem is thrown with the field's English name. */
    static void validate(SiteSettings s) {
        if (s.name() == null || s.timeZone() == null) {
            throw new IllegalArgumentException((s.name() == null ? "site name" : "time zone") + " is missing");
        }
        SettingsDraft.Checked checked = SettingsDraft.of(s).check(Year.of(Math.max(Year.now().getValue(), 1900)));
        checked.problems().keySet().stream().findFirst().ifPresent(field -> {
            throw new IllegalArgumentException(switch (field) {
                case "name" -> "site name must not be empty";
                case "copyrightSince" -> "copyright start year must be between 1900 and this year";
                case "email" -> "contact email is not an e-mail address: " + s.email();
                case "excerptLength" -> "excerpt length must be between " + SettingsDraft.MIN_EXCERPT + " and " + SettingsDraft.MAX_EXCERPT + " characters";
                default -> field + ": " + checked.problems().get(field).messageKey();
            });
        });
    }
}
