package org.masthead.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The account audit trail: sign-ins, failures, and every change to users and tokens. */
@Service
public class AccountEvents {

    /** Longest detail kept: a typed user name or token name can be anything an attacker sends. */
    private static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The newest events, newest first; {@code kinds} empty means all kinds. */
    public List<AccountEvent> recent(int limit, AccountEvent.Kind... kinds) {
        StringBuilder sql = new StringBuilder("SELECT at, kind, username, actor, ip, detail FROM account_event");
        List<Object> params = new java.util.ArrayList<>();
        if (kinds.length > 0) {
            sql.append(" WHERE kind IN (").append("?,".repeat(kinds.length - 1)).append("?)");
            for (AccountEvent.Kind k : kinds) {
                params.add(k.code());
            }
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        params.add(Math.max(1, Math.min(limit, 500)));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AccountEvent(Instant.ofEpochMilli(rs.getLong(1)), AccountEvent.Kind.fromCode(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    void record(AccountEvent.Kind kind, String username, String actor, String detail) {
        jdbc.sql("INSERT INTO account_event (at, kind, username, actor, ip, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(clock.millis(), kind.code(), cut(username), cut(actor), clientAddress(), cut(detail))
                .update();
    }

    /** The address of the request being served, or null outside a request (CLI, start-up). */
    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String cut(String text) {
        if (text == null) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= MAX_TEXT ? text : text.substring(0, text.offsetByCodePoints(0, MAX_TEXT - 1)) + "…";
    }
}
