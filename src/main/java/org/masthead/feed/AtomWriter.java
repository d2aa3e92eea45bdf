package org.masthead.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.springframework.stereotype.Component;

/**
 * Atom 1.0 (RFC 4287), written by Rome. The feed names the site as its author, so every entry has
 * one even when the article names none; ids are the absolute addresses of the feed and the
 * articles; dates are RFC 3339 with the site zone's offset.
 */
@Component
class AtomWriter {

    byte[] write(FeedContent feed) {
        Feed atom = new Feed("atom_1.0");
        atom.setId(FeedText.clean(feed.feedUrl(FeedFormat.ATOM)));
        atom.setTitleEx(text(feed.title()));
        atom.setSubtitle(text(feed.description()));
        // Required even when empty; nothing in an empty feed ever changed, so the epoch says so and keeps the bytes stable.
        atom.setUpdated(Date.from(feed.updated() == null ? Instant.EPOCH : feed.updated()));
        atom.setAlternateLinks(List.of(link("alternate", feed.pageUrl(), "text/html")));
        atom.setOtherLinks(List.of(link("self", feed.feedUrl(FeedFormat.ATOM), "application/atom+xml")));
        atom.setAuthors(List.of(person(feed.publisher())));
        Generator generator = new Generator();
        generator.setValue("Masthead");
        atom.setGenerator(generator);
        List<Entry> entries = new ArrayList<>();
        for (FeedContent.Entry entry : feed.entries()) {
            entries.add(entry(entry));
        }
        atom.setEntries(entries);
        Document document;
        try {
            document = new WireFeedOutput().outputJDom(atom);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused the Atom feed " + feed.feedUrl(FeedFormat.ATOM), e);
        }
        // Rome does not write the feed's language; xml:lang is where Atom keeps it.
        document.getRootElement().setAttribute("lang", feed.language().toLanguageTag(), Namespace.XML_NAMESPACE);
        Namespace atomNs = document.getRootElement().getNamespace();
        for (String name : List.of("updated", "published")) {
            FeedXml.rezoneDates(document, name, atomNs, DateTimeFormatter.ISO_OFFSET_DATE_TIME, feed.zone());
        }
        return FeedXml.bytes(document);
    }

    private static Entry entry(FeedContent.Entry entry) {
        Entry atom = new Entry();
        atom.setId(FeedText.clean(entry.url()));
        atom.setTitleEx(text(entry.title()));
        atom.setPublished(Date.from(entry.published()));
        atom.setUpdated(Date.from(entry.updated()));
        atom.setAlternateLinks(List.of(link("alternate", entry.url(), "text/html")));
        List<Link> others = new ArrayList<>();
        if (entry.image() != null) {
            others.add(link("enclosure", entry.image().url(), entry.image().type()));
        }
        if (entry.originalUrl() != null) {
            others.add(link("via", entry.originalUrl(), null));
        }
        atom.setOtherLinks(others);
        List<SyndPerson> authors = new ArrayList<>();
        for (String name : entry.authors()) {
            authors.add(person(name));
        }
        atom.setAuthors(authors);
        List<Category> categories = new ArrayList<>();
        for (String name : entry.categories()) {
            Category category = new Category();
            category.setTerm(FeedText.clean(name));
            categories.add(category);
        }
        atom.setCategories(categories);
        atom.setSummary(text(entry.summary()));
        if (entry.contentHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(FeedText.clean(entry.contentHtml()));
            atom.setContents(List.of(content));
        }
        return atom;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(FeedText.clean(value));
        return content;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(FeedText.clean(href));
        link.setType(type);
        return link;
    }

    private static Person person(String name) {
        Person person = new Person();
        person.setName(FeedText.clean(name));
        return person;
    }
}
