package org.masthead.article;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Headline (头条), recommended (推荐) and pinned (置顶): editors set them on any article (one that is not
 * visible yet shows in the lists once published), the home and channel pages list the visible ones. A
 * change publishes {@link ArticleFlagsChanged}, so the page cache drops the pages whose lists changed.
 * Flags are not content: setting one keeps no revision and does not touch the article's update time.
 */
@Service
public class ArticleFlags {

    /** The most articles a back-office list of one flag shows. */
    public static final int LISTED = 200;

    private final FlagRepository flags;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleFlags(FlagRepository flags, ApplicationEventPublisher events, Clock clock) {
        this.flags = flags;
        this.events = events;
        this.clock = clock;
    }

    /** The flags an article carries (empty when none, or no such article). */
    public Set<ArticleFlag> of(long articleId) {
        return flags.of(articleId);
    }

    /**
     * Sets ({@code true}) or clears ({@code false}) the given flags, leaves the others; answers the flags
     * the article carries afterwards. Editors and admins only (403 for authors), 404 for no such article.
     */
    @Transactional
    public Set<ArticleFlag> set(long articleId, Map<ArticleFlag, Boolean> wanted, Actor actor) {
        if (!actor.role().edits()) {
            throw ArticleRefused.forbidden("flags.editorsOnly");
        }
        if (!flags.exists(articleId)) {
            throw ArticleRefused.notFound("workflow.notFound", String.valueOf(articleId));
        }
        Set<ArticleFlag> before = flags.of(articleId);
        Set<ArticleFlag> changed = EnumSet.noneOf(ArticleFlag.class);
        wanted.forEach((flag, on) -> {
            if (on && !before.contains(flag)) {
                flags.set(articleId, flag, clock.instant());
                changed.add(flag);
            } else if (!on && before.contains(flag)) {
                flags.clear(articleId, flag);
                changed.add(flag);
            }
        });
        if (!changed.isEmpty()) {
            events.publishEvent(new ArticleFlagsChanged(articleId, Set.copyOf(changed)));
        }
        return flags.of(articleId);
    }

    /** The home page's headline and recommended lists, in one statement. */
    public FlaggedLists home(int headlines, int recommended) {
        Map<ArticleFlag, Integer> limits = new LinkedHashMap<>();
        limits.put(ArticleFlag.HEADLINE, headlines);
        limits.put(ArticleFlag.RECOMMENDED, recommended);
        return flags.visible(limits, null, clock.instant());
    }

    /** A channel's pinned and recommended articles, in one statement. */
    public FlaggedLists inChannel(long channelId, int pinned, int recommended) {
        Map<ArticleFlag, Integer> limits = new LinkedHashMap<>();
        limits.put(ArticleFlag.PINNED, pinned);
        limits.put(ArticleFlag.RECOMMENDED, recommended);
        return flags.visible(limits, channelId, clock.instant());
    }

    /** Every article carrying the flag, in any state, newest-flagged first (at most {@link #LISTED}). */
    public List<FlaggedArticle> listed(ArticleFlag flag) {
        return flags.listed(flag, LISTED);
    }
}
