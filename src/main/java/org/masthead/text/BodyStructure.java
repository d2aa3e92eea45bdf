package org.masthead.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The HTML5 content-model repairs that the OWASP tag balancer does not make, applied to its already
 * sanitised output so that the W3C Nu checker accepts the structure. They only rename an element to
 * {@code div} or a heading to another level, wrap a stray list child in {@code li} or {@code ul},
 * drop a tag (keeping its content), drop white space between list items, or add a {@code br} where a
 * dropped block stood between two runs of text: never an attribute, never an element outside the
 * allowlist.
 *
 * <ul>
 *   <li>{@code li} outside a list (the OWASP balancer turns the text of a dropped {@code select} into
 *       one) is wrapped in a {@code ul}.
 *   <li>{@code ul}/{@code ol}: every child that is not an {@code li} (a nested list, text) is wrapped in one.
 *   <li>{@code dl}: kept only as dt…dd groups (starting with a {@code dt}, ending with a {@code dd},
 *       nothing else in it); any other {@code dl}, and a {@code dt}/{@code dd} outside one, becomes {@code div}.
 *   <li>{@code figcaption}: kept only as the first or last thing of its {@code figure}, once; else {@code div}.
 *   <li>A block ({@code p div h2–h6 ul ol dl pre blockquote figure table hr}) inside phrasing-only markup
 *       ({@code span b strong em i u s sub sup q cite abbr time code h2–h6 pre}, seen through {@code a}):
 *       a {@code div} or {@code p} under anything but bare {@code span}s loses its tag (a {@code br}
 *       keeps it apart from text beside it), so links, emphasis and headings stay; otherwise the
 *       phrasing elements around it lose theirs.
 *   <li>Headings: renumbered so that no level is skipped (the Nu checker reports a skip as an error),
 *       the first one at h2 since the page title is the h1; h2, h4, h4, h3 becomes h2, h3, h3, h3.
 * </ul>
 *
 * <p>Not repaired: table geometry (a rowspan past its row group, a column without cells).
 */
final class BodyStructure {

    private static final Set<String> PHRASING_ONLY = Set.of(
            "span", "b", "strong", "em", "i", "u", "s", "sub", "sup", "q", "cite", "abbr", "time", "code",
            "h2", "h3", "h4", "h5", "h6", "pre", "p");

    private static final String BLOCKS = "p, div, h2, h3, h4, h5, h6, ul, ol, dl, pre, blockquote, figure, table, hr";

    private BodyStructure() {
    }

    static void repair(Element body) {
        for (Element item : body.select("li")) {
            if (!item.parent().nameIs("ul") && !item.parent().nameIs("ol")) {
                item.wrap("<ul></ul>");
            }
        }
        for (Element list : body.select("ul, ol")) {
            for (Node child : new ArrayList<>(list.childNodes())) {
                if (child instanceof TextNode t && t.isBlank()) {
                    child.remove(); // as the OWASP balancer does with white space between list items
                } else if (!(child instanceof Element e && e.nameIs("li"))) {
                    child.wrap("<li></li>");
                }
            }
        }
        for (Element list : body.select("dl")) {
            if (!isTermGroups(list)) {
                list.children().stream().filter(c -> c.nameIs("dt") || c.nameIs("dd")).forEach(c -> c.tagName("div"));
                list.tagName("div");
            }
        }
        for (Element term : body.select("dt, dd")) {
            if (!term.parent().nameIs("dl")) {
                term.tagName("div");
            }
        }
        for (Element caption : body.select("figcaption")) {
            Element figure = caption.parent();
            if (!figure.nameIs("figure") || !isFirstOrLast(caption) || figure.selectFirst("> figcaption") != caption) {
                caption.tagName("div");
            }
        }
        for (Element block : body.select(BLOCKS)) {
            if (block.parent() == null) {
                continue;
            }
            List<Element> phrasing = phrasingAncestors(block);
            if (phrasing.isEmpty()) {
                continue;
            }
            boolean meaningful = phrasing.stream().anyMatch(e -> !e.nameIs("span"));
            if (meaningful && (block.nameIs("div") || block.nameIs("p"))) {
                unwrapBlock(block);
            } else {
                phrasing.forEach(Element::unwrap);
            }
        }
        renumberHeadings(body);
    }

    /**
     * Headings are renumbered so that none skips a level, starting at h2 under the page's h1: each
     * heading sits one level below the nearest earlier heading of a higher original rank.
     */
    private static void renumberHeadings(Element body) {
        Deque<int[]> open = new ArrayDeque<>(); // {original level, new level}
        for (Element heading : body.select("h2, h3, h4, h5, h6")) {
            int level = heading.normalName().charAt(1) - '0';
            while (!open.isEmpty() && open.peek()[0] >= level) {
                open.pop();
            }
            int renumbered = open.isEmpty() ? 2 : open.peek()[1] + 1;
            open.push(new int[] {level, renumbered});
            if (renumbered != level) {
                heading.tagName("h" + renumbered);
            }
        }
    }

    /** The phrasing-only elements between a block and the nearest element that may hold it, seen through {@code a}. */
    private static List<Element> phrasingAncestors(Element block) {
        List<Element> found = new ArrayList<>();
        for (Element up = block.parent(); up != null; up = up.parent()) {
            if (PHRASING_ONLY.contains(up.normalName())) {
                found.add(up);
            } else if (!up.nameIs("a")) {
                break;
            }
        }
        return found;
    }

    private static void unwrapBlock(Element block) {
        if (needsBreak(block.previousSibling(), true)) {
            block.before(new Element("br"));
        }
        if (needsBreak(block.nextSibling(), false)) {
            block.after(new Element("br"));
        }
        block.unwrap();
    }

    private static boolean needsBreak(Node neighbour, boolean before) {
        for (Node n = neighbour; n != null; n = before ? n.previousSibling() : n.nextSibling()) {
            if (n instanceof Element e) {
                return !e.nameIs("br");
            }
            if (n instanceof TextNode t && !t.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTermGroups(Element list) {
        List<Element> items = list.children();
        boolean onlyTerms = items.stream().allMatch(c -> c.nameIs("dt") || c.nameIs("dd"))
                && list.textNodes().stream().allMatch(TextNode::isBlank);
        return onlyTerms && !items.isEmpty() && items.getFirst().nameIs("dt") && items.getLast().nameIs("dd");
    }

    private static boolean isFirstOrLast(Element element) {
        List<Node> content = element.parent().childNodes().stream()
                .filter(n -> n instanceof Element || (n instanceof TextNode text && !text.isBlank()))
                .toList();
        return content.getFirst() == element || content.getLast() == element;
    }
}
