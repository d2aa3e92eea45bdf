package org.masthead.feed;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

/** What the RSS and Atom writers share: dates moved into the site zone, and the document as UTF-8 bytes. */
final class FeedXml {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private FeedXml() {}

    /**
     * Rewrites the text of every element of that name, a date Rome wrote in UTC, as the same instant
     * in the site zone and in the same format: Rome knows no zones, and the offset tells readers the
     * newsroom's local time.
     */
    static void rezoneDates(Document document, String name, Namespace namespace, DateTimeFormatter format, ZoneId zone) {
        List<Element> dates = new ArrayList<>();
        document.getRootElement().getDescendants(Filters.element(name, namespace)).forEach(dates::add);
        for (Element date : dates) {
            date.setText(format.format(ZonedDateTime.parse(date.getTextTrim(), format).withZoneSameInstant(zone)));
        }
    }

    static byte[] bytes(Document document) {
        Format format = Format.getRawFormat().setEncoding("UTF-8").setLineSeparator(LineSeparator.UNIX);
        return new XMLOutputter(format).outputString(document).getBytes(StandardCharsets.UTF_8);
    }
}
