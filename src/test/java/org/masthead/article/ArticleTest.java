package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every transition from every state by every kind of actor, against a table written out here by hand
 * (not computed from the code under test): the state it leads to, or the HTTP-like refusal.
 */
class ArticleTest {

    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Instant LATER = NOW.plus(Duration.ofHours(2));
    static final Instant EARLIER = NOW.minus(Duration.ofHours(2));

    static final Actor OWNER = new Actor("wang", Actor.Role.AUTHOR, "10.0.0.1");
    static final Actor OTHER_AUTHOR = new Actor("li", Actor.Role.AUTHOR, "10.0.0.2");
    static final Actor EDITOR = new Actor("zhao", Actor.Role.EDITOR, "10.0.0.3");
    static final Actor ADMIN = new Actor("admin", Actor.Role.ADMIN, "10.0.0.4");

    /** The columns of the table: the article's state before. */
    static final ArticleStatus[] FROM = ArticleStatus.values(); // draft, review, scheduled, published, unpublished, archived

    /**
     * action, actor, then the outcome from each state in the order of {@link #FROM}: a state code, or
     * "deleted"/"edited", or 403 (not this actor), 409 (not from this state), 400 (bad input).
     */
    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        //          action       actor          draft        review       scheduled    published    unpublished  archived
        row(rows, "submit", OWNER, "review", "409", "409", "409", "409", "409");
        row(rows, "submit", OTHER_AUTHOR, "403", "403", "403", "403", "403", "403");
        row(rows, "submit", EDITOR, "review", "409", "409", "409", "409", "409");
        row(rows, "submit", ADMIN, "review", "409", "409", "409", "409", "409");
        row(rows, "schedule", OWNER, "403", "403", "403", "403", "403", "403");
        row(rows, "schedule", OTHER_AUTHOR, "403", "403", "403", "403", "403", "403");
        row(rows, "schedule", EDITOR, "scheduled", "scheduled", "scheduled", "409", "409", "409");
        row(rows, "schedule", ADMIN, "scheduled", "scheduled", "scheduled", "409", "409", "409");
        row(rows, "publish", OWNER, "403", "403", "403", "403", "403", "403");
        row(rows, "publish", OTHER_AUTHOR, "403", "403", "403", "403", "403", "403");
        row(rows, "publish", EDITOR, "published", "published", "published", "409", "published", "409");
        row(rows, "publish", ADMIN, "published", "published", "published", "409", "published", "409");
        row(rows, "unpublish", OWNER, "403", "403", "403", "403", "403", "403");
        row(rows, "unpublish", OTHER_AUTHOR, "403", "403", "403", "403", "403", "403");
        row(rows, "unpublish", EDITOR, "409", "409", "409", "unpublished", "409", "409");
        row(rows, "unpublish", ADMIN, "409", "409", "409", "unpublished", "409", "409");
        row(rows, "archive", OWNER, "403", "403", "403", "403", "403", "403");
        row(rows, "archive", OTHER_AUTHOR, "403", "403", "403", "403", "403", "403");
        row(rows, "archive", EDITOR, "409", "archived", "409", "archived", "archived", "409");
        row(rows, "archive", ADMIN, "409", "archived", "409", "archived", "archived", "409");
        row(rows, "reopen", OWNER, "409", "draft", "403", "403", "403", "403");
        row(rows, "reopen", OTHER_AUTHOR, "403", "403", "403", "403", "403", "403");
        row(rows, "reopen", EDITOR, "409", "draft", "draft", "409", "draft", "draft");
        row(rows, "reopen", ADMIN, "409", "draft", "draft", "409", "draft", "draft");
        row(rows, "delete", OWNER, "deleted", "403", "403", "403", "403", "403");
        row(rows, "delete", OTHER_AUTHOR, "403", "403", "403", "403", "403", "403");
        row(rows, "delete", EDITOR, "deleted", "deleted", "deleted", "deleted", "deleted", "deleted");
        row(rows, "delete", ADMIN, "deleted", "deleted", "deleted", "deleted", "deleted", "deleted");
        row(rows, "edit", OWNER, "edited", "edited", "403", "403", "403", "403");
        row(rows, "edit", OTHER_AUTHOR, "403", "403", "403", "403", "403", "403");
        row(rows, "edit", EDITOR, "edited", "edited", "edited", "edited", "edited", "edited");
        row(rows, "edit", ADMIN, "edited", "edited", "edited", "edited", "edited", "edited");
        return rows.stream();
    }

    private static void row(List<Arguments> rows, String action, Actor actor, String... outcomes) {
        for (int i = 0; i < FROM.length; i++) {
            rows.add(Arguments.of(action, actor.name() + "/" + actor.role().code(), FROM[i], outcomes[i]));
        }
    }

    @ParameterizedTest(name = "{0} by {1} from {2} → {3}")
    @MethodSource("table")
    void everyTransitionFromEveryStateByEveryActor(String action, String who, ArticleStatus from, String expected) {
        Actor actor = Stream.of(OWNER, OTHER_AUTHOR, EDITOR, ADMIN).filter(a -> who.equals(a.name() + "/" + a.role().code())).findFirst().orElseThrow();
        Article article = new Article(7, from, OWNER.name(), EARLIER, true);

        Runnable act = switch (action) {
            case "submit" -> () -> article.submit(actor);
            case "schedule" -> () -> article.schedule(actor, LATER, CLOCK);
            case "publish" -> () -> article.publish(actor, CLOCK);
            case "unpublish" -> () -> article.unpublish(actor, CLOCK);
            case "archive" -> () -> article.archive(actor, CLOCK);
            case "reopen" -> () -> article.reopen(actor);
            case "delete" -> () -> article.delete(actor, CLOCK);
            case "edit" -> () -> article.checkEditableBy(actor);
            default -> throw new IllegalArgumentException(action);
        };

        if (expected.matches("\\d{3}")) {
            ArticleRefused refused = catchThrowableOfType(ArticleRefused.class, act::run);
            assertThat(refused).as("%s by %s from %s must be refused", action, who, from).isNotNull();
            assertThat(status(refused.reason())).isEqualTo(expected);
            assertThat(article.status()).as("a refusal changes nothing").isEqualTo(from);
            assertThat(article.events()).isEmpty();
            return;
        }
        act.run();
        switch (expected) {
            case "deleted" -> assertThat(article.events()).containsExactly(new ArticleWithdrawn(7, NOW));
            case "edited" -> assertThat(article.status()).isEqualTo(from);
            default -> {
                ArticleStatus to = ArticleStatus.fromCode(expected);
                assertThat(article.status()).isEqualTo(to);
                assertThat(article.loadedStatus()).isEqualTo(from);
                if (to == ArticleStatus.PUBLISHED) {
                    assertThat(article.events()).containsExactly(new ArticlePublished(7, NOW));
                } else if (to == ArticleStatus.UNPUBLISHED || to == ArticleStatus.ARCHIVED) {
                    assertThat(article.events()).containsExactly(new ArticleWithdrawn(7, NOW));
                } else {
                    assertThat(article.events()).isEmpty();
                }
            }
        }
    }

    private static String status(ArticleRefused.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> "404";
            case FORBIDDEN -> "403";
            case CONFLICT -> "409";
            case INVALID -> "400";
        };
    }

    @Test
    void theTableCoversEveryStateAndEveryTransition() {
        assertThat(table().count()).isEqualTo(8 * 4 * ArticleStatus.values().length);
        assertThat(FROM).containsExactly(ArticleStatus.DRAFT, ArticleStatus.REVIEW, ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED,
                ArticleStatus.UNPUBLISHED, ArticleStatus.ARCHIVED);
    }

    @Test
    void refusesToPublishForAnAuthorAndSaysToSubmitForReview() {
        Article own = new Article(1, ArticleStatus.REVIEW, OWNER.name(), EARLIER, true);

        ArticleRefused refused = catchThrowableOfType(ArticleRefused.class, () -> own.publish(OWNER, CLOCK));

        assertThat(refused.key()).isEqualTo("workflow.authorCannotPublish");
        assertThat(chinese(refused)).isEqualTo("作者不能发布文章：请提交审核，由编辑发布。");
        assertThat(english(refused)).isEqualTo("Authors cannot publish: submit the article for review and an editor publishes it.");
    }

    @Test
    void refusesToScheduleAWithdrawnArticleUntilItIsBackToDraft() {
        for (ArticleStatus withdrawn : List.of(ArticleStatus.UNPUBLISHED, ArticleStatus.ARCHIVED)) {
            Article article = new Article(1, withdrawn, OWNER.name(), EARLIER, true);

            ArticleRefused refused = catchThrowableOfType(ArticleRefused.class, () -> article.schedule(EDITOR, LATER, CLOCK));

            assertThat(refused.reason()).isEqualTo(ArticleRefused.Reason.CONFLICT);
            assertThat(refused.key()).isEqualTo("workflow.withdrawnNeedsDraft");
            assertThat(chinese(refused)).isEqualTo("文章" + (withdrawn == ArticleStatus.UNPUBLISHED ? "已撤下" : "已归档") + "，须先退回草稿，才能定时发布。");
            article.reopen(EDITOR);
            article.schedule(EDITOR, LATER, CLOCK);
            assertThat(article.status()).isEqualTo(ArticleStatus.SCHEDULED);
            assertThat(article.publishedAt()).isEqualTo(LATER);
        }
    }

    @Test
    void refusesToScheduleForNowOrThePastOrWithoutATime() {
        Article article = new Article(1, ArticleStatus.REVIEW, OWNER.name(), EARLIER, true);

        for (Instant when : List.of(NOW, EARLIER, NOW.minusMillis(1))) {
            ArticleRefused refused = catchThrowableOfType(ArticleRefused.class, () -> article.schedule(EDITOR, when, CLOCK));
            assertThat(refused.reason()).isEqualTo(ArticleRefused.Reason.INVALID);
            assertThat(chinese(refused)).isEqualTo("定时发布时间须晚于现在：" + when + " 不晚于 " + NOW + "。");
        }
        assertThat(catchThrowableOfType(ArticleRefused.class, () -> article.schedule(EDITOR, null, CLOCK)).key()).isEqualTo("workflow.scheduleNeedsTime");
        article.schedule(EDITOR, NOW.plusMillis(1), CLOCK);
        assertThat(article.status()).isEqualTo(ArticleStatus.SCHEDULED);
    }

    @Test
    void refusesToSubmitScheduleOrPublishAnEmptyBody() {
        java.util.Map<ArticleAction, String> labels = java.util.Map.of(ArticleAction.SUBMIT, "提交审核", ArticleAction.SCHEDULE, "定时发布",
                ArticleAction.PUBLISH, "发布");
        for (ArticleAction action : labels.keySet()) {
            Article empty = new Article(1, ArticleStatus.DRAFT, OWNER.name(), EARLIER, false);
            ArticleRefused refused = catchThrowableOfType(ArticleRefused.class, () -> {
                switch (action) {
                    case SUBMIT -> empty.submit(OWNER);
                    case SCHEDULE -> empty.schedule(EDITOR, LATER, CLOCK);
                    default -> empty.publish(EDITOR, CLOCK);
                }
            });
            assertThat(refused.reason()).as(action.code()).isEqualTo(ArticleRefused.Reason.INVALID);
            assertThat(chinese(refused)).isEqualTo("正文为空的文章不能" + labels.get(action) + "。");
        }
    }

    @Test
    void namesTheStatesThatWouldAllowARefusedTransition() {
        Article draft = new Article(1, ArticleStatus.DRAFT, OWNER.name(), EARLIER, true);

        ArticleRefused refused = catchThrowableOfType(ArticleRefused.class, () -> draft.archive(EDITOR, CLOCK));

        assertThat(chinese(refused)).isEqualTo("文章当前为「草稿」，不能归档：只有「待审核、已发布、已撤下」的文章可以归档。");
        assertThat(english(refused)).isEqualTo("The article is draft, so it cannot archive: only articles that are in review, published, unpublished can.");
    }

    @Test
    void publishingKeepsTheFirstPublishTimeOfAnUnpublishedArticleAndGivesOthersThePresent() {
        Article unpublished = new Article(1, ArticleStatus.UNPUBLISHED, OWNER.name(), EARLIER, true);
        Article scheduled = new Article(2, ArticleStatus.SCHEDULED, OWNER.name(), LATER, true);

        unpublished.publish(EDITOR, CLOCK);
        scheduled.publish(EDITOR, CLOCK);

        assertThat(unpublished.publishedAt()).isEqualTo(EARLIER);
        assertThat(scheduled.publishedAt()).as("published now, ahead of its schedule").isEqualTo(NOW);
    }

    @Test
    void theScheduleAloneMayPublishADueArticleAndKeepsItsScheduledTime() {
        Actor system = Actor.system("schedule");
        Article due = new Article(1, ArticleStatus.SCHEDULED, OWNER.name(), EARLIER, true);
        Article notYet = new Article(2, ArticleStatus.SCHEDULED, OWNER.name(), LATER, true);
        Article draft = new Article(3, ArticleStatus.DRAFT, OWNER.name(), EARLIER, true);

        assertThatThrownBy(() -> due.publishDue(EDITOR, CLOCK)).isInstanceOfSatisfying(ArticleRefused.class,
                r -> assertThat(r.reason()).isEqualTo(ArticleRefused.Reason.FORBIDDEN));
        assertThat(catchThrowableOfType(ArticleRefused.class, () -> notYet.publishDue(system, CLOCK)).key()).isEqualTo("workflow.notDueYet");
        assertThat(catchThrowableOfType(ArticleRefused.class, () -> draft.publishDue(system, CLOCK)).key()).isEqualTo("workflow.notFrom");
        assertThat(catchThrowableOfType(ArticleRefused.class, () -> draft.publish(system, CLOCK)).reason()).isEqualTo(ArticleRefused.Reason.FORBIDDEN);
        assertThat(catchThrowableOfType(ArticleRefused.class, () -> draft.submit(system)).reason()).isEqualTo(ArticleRefused.Reason.FORBIDDEN);

        due.publishDue(system, CLOCK);

        assertThat(due.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(due.publishedAt()).isEqualTo(EARLIER);
        assertThat(due.events()).containsExactly(new ArticlePublished(1, NOW));
    }

    @Test
    void actorTakesTheHighestEditorialRoleFromTheAuthoritiesAndRefusesAUserWithNone() {
        assertThat(Actor.of("a", List.of("ROLE_AUTHOR", "ROLE_EDITOR"), "::1").role()).isEqualTo(Actor.Role.EDITOR);
        assertThat(Actor.of("a", List.of("ROLE_AUTHOR", "ROLE_ADMIN"), null).role()).isEqualTo(Actor.Role.ADMIN);
        assertThat(Actor.of("a", List.of("ROLE_AUTHOR", "SCOPE_read"), null).role()).isEqualTo(Actor.Role.AUTHOR);
        ArticleRefused refused = catchThrowableOfType(ArticleRefused.class, () -> Actor.of("reader", List.of("ROLE_USER"), null));
        assertThat(chinese(refused)).isEqualTo("账户「reader」没有编辑文章的角色（管理员、编辑或作者）。");
    }

    static String chinese(ArticleRefused refused) {
        return refused.message(bundle(), Locale.SIMPLIFIED_CHINESE);
    }

    static String english(ArticleRefused refused) {
        return refused.message(bundle(), Locale.ENGLISH);
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
