package org.masthead.tag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds tags and records new ones. */
@Service
public class Tags {

    static final int MAX_NAME = 30;
    private final JdbcClient jdbc;

    Tags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tags of those names in the given order, duplicates and blanks removed, new ones created. */
    @Transactional
    public List<Tag> ensure(List<String> names) {
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String name : names) {
            String n = name == null ? "" : name.strip();
            if (n.length() > MAX_NAME) {
                throw new IllegalArgumentException("a tag is at most " + MAX_NAME + " characters: " + n);
            }
            if (!n.isEmpty()) {
                clean.add(n);
            }
        }
        List<Tag> tags = new ArrayList<>();
        for (String name : clean) {
            jdbc.sql("INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING").param(name).update();
            tags.add(byName(name).orElseThrow());
        }
        return tags;
    }

    public Optional<Tag> byName(String name) {
        return jdbc.sql("SELECT id, name FROM tag WHERE name = ?").param(name).query((rs, n) -> new Tag(rs.getLong(1), rs.getString(2))).optional();
    }
}
