package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The sitemaps.org 0.9 schema from the shared corpus ({@code ../shared/corpus/sitemap-schema}, found
 * through the system property {@code masthead.shared} that surefire and failsafe set).
 *
 * <ul>
 *   <li>URL sets: {@code sitemap.xsd} as it is.
 *   <li>The Google News URL set: {@code sitemap.xsd} with its two {@code xsd:any namespace="##other"}
 *       wildcards switched from {@code processContents="strict"} to {@code "lax"}, because Google's
 *       {@code sitemap-news.xsd} is not in the corpus. Everything of the sitemaps namespace is still
 *       checked strictly (order, {@code loc} as anyURI of 12 to 2,048 characters, {@code lastmod} as
 *       date or dateTime); the {@code news:} block is checked element by element by the tests.
 *   <li>The index: {@code siteindex.xsd} when the corpus has it. The corpus holds only
 *       {@code sitemap.xsd} so far, so otherwise the index is checked against a schema that includes
 *       {@code sitemap.xsd} and declares {@code sitemapindex} as the protocol describes it
 *       ({@code sitemap} entries of {@code loc} and an optional {@code lastmod}), with the very
 *       {@code tLoc} and {@code tLastmod} types of the corpus schema.
 * </ul>
 */
final class SitemapSchemas {

    static final String ABSENT = "../shared corpus not present (a user's clone): skipped";

    private final Path folder;

    private SitemapSchemas(Path folder) {
        this.folder = folder;
    }

    /** The corpus schemas; skips the calling test when the corpus folder is not there. */
    static SitemapSchemas fromCorpus() {
        Path folder = Path.of(System.getProperty("masthead.shared", "../shared"), "corpus", "sitemap-schema");
        assumeTrue(Files.isRegularFile(folder.resolve("sitemap.xsd")), ABSENT);
        return new SitemapSchemas(folder);
    }

    void assertValidUrlSet(byte[] xml) {
        validate(schema(new StreamSource(folder.resolve("sitemap.xsd").toFile())), xml);
    }

    void assertValidNewsUrlSet(byte[] xml) {
        String strict = read(folder.resolve("sitemap.xsd"));
        String lax = strict.replace("processContents=\"strict\"", "processContents=\"lax\"");
        assertThat(strict.split("processContents=\"strict\"", -1)).as("the two wildcards of sitemap.xsd").hasSize(3);
        validate(schema(new StreamSource(new StringReader(lax), folder.resolve("sitemap.xsd").toUri().toString())), xml);
    }

    void assertValidIndex(byte[] xml) {
        // The composed schema includes sitemap.xsd, which would also accept a <urlset> document.
        String root = parse(xml).getDocumentElement().getLocalName();
        if (!"sitemapindex".equals(root)) {
            throw new AssertionError("not valid against the sitemap schema: the root element is <" + root + ">, not <sitemapindex>");
        }
        Path siteindex = folder.resolve("siteindex.xsd");
        if (Files.isRegularFile(siteindex)) {
            validate(schema(new StreamSource(siteindex.toFile())), xml);
            return;
        }
        String composed = """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
                            xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
                  <xsd:include schemaLocation="%s"/>
                  <xsd:element name="sitemapindex">
                    <xsd:complexType>
                      <xsd:sequence>
                        <xsd:element name="sitemap" maxOccurs="unbounded">
                          <xsd:complexType>
                            <xsd:sequence>
                              <xsd:element name="loc" type="tLoc"/>
                              <xsd:element name="lastmod" type="tLastmod" minOccurs="0"/>
                            </xsd:sequence>
                          </xsd:complexType>
                        </xsd:element>
                      </xsd:sequence>
                    </xsd:complexType>
                  </xsd:element>
                </xsd:schema>
                """.formatted(folder.resolve("sitemap.xsd").toUri());
        validate(schema(new StreamSource(new StringReader(composed), folder.toUri().toString())), xml);
    }

    /** Parses a sitemap file, namespace-aware. */
    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    /** The elements of that name in the sitemaps namespace, in document order. */
    static List<Element> elements(Document doc, String name) {
        return elements(doc.getDocumentElement(), SitemapWriter.SITEMAP_NS, name);
    }

    static List<Element> elements(Element parent, String namespace, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(namespace, name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    /** The text of the one child element of that name, or null when there is none. */
    static String child(Element parent, String namespace, String name) {
        List<Element> found = elements(parent, namespace, name);
        assertThat(found.size()).as("%s elements in %s", name, parent.getLocalName()).isLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.getFirst().getTextContent();
    }

    private static Schema schema(StreamSource source) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            return factory.newSchema(source);
        } catch (SAXException e) {
            throw new AssertionError("cannot read the sitemap schema: " + e.getMessage(), e);
        }
    }

    private static void validate(Schema schema, byte[] xml) {
        Validator validator = schema.newValidator();
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw new AssertionError("not valid against the sitemap schema: " + e.getMessage() + "\n" + new String(xml, StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
