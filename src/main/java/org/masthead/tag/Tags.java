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
            Optional<Tag> known = byName(name).or(() -> formerName(name));
            if (known.isPresent()) {
                // A renamed or merged tag's old name means the tag it became (once, if both names are given).
                if (!tags.contains(known.get())) {
                    tags.add(known.get());
                }
                continue;
            }
            jdbc.sql("INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING").param(name).update();
            tags.add(byName(name).orElseThrow());
        }
        return tags;
    }

    public Optional<Tag> byId(long id) {
        return jdbc.sql("SELECT id, name FROM tag WHERE id = ?").param(id).query((rs, n) -> new Tag(rs.getLong(1), rs.getString(2))).optional();
    }

    /** The tag an old name now stands for (renamed, or merged into it), for the 301 from old addresses. */
    public Optional<Tag> formerName(String name) {
        return jdbc.sql("SELECT t.id, t.name FROM tag_alias a JOIN tag t ON t.id = a.tag_id WHERE a.name = ?")
                .param(name)
                .query((rs, n) -> new Tag(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    public Optional<Tag> byName(String name) {
        return jdbc.sql("SELECT id, name FROM tag WHERE name = ?").param(name).query((rs, n) -> new Tag(rs.getLong(1), rs.getString(2))).optional();
    }
}
