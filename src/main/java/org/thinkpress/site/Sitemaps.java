package org.thinkpress.site;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.thinkpress.content.Listing;
import org.thinkpress.content.SitemapEntry;
import org.thinkpress.content.Taxonomy;
import org.thinkpress.kit.Urls;

/**
 * {@code sitemap.xml} (sitemaps.org 0.9): the site's own pages and every published piece with
 * its {@code lastmod}, and {@code xhtml:link} alternates between translations. Past 50,000 URLs,
 * the limit of one sitemap file, {@code /sitemap.xml} becomes an index of {@code /sitemap-N.xml}.
 * Also {@code robots.txt}, which points at it.
 */
final class Sitemaps {

  static final int URLS_PER_FILE = 50_000;
  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private record Url(String path, Instant lastmod, List<String[]> alternates) {}

  private final ViewHelpers helpers;

  Sitemaps(ViewHelpers helpers) {
    this.helpers = helpers;
  }

  String robots() {
    return "User-agent: *\nAllow: /\nDisallow: /admin\n\nSitemap: " + helpers.config.absolute(Urls.SITEMAP) + "\n";
  }

  /** Part {@code part} of the sitemap: 0 is {@code /sitemap.xml}, N is {@code /sitemap-N.xml}; empty when none. */
  Optional<String> part(int part) {
    List<Url> urls = urls();
    int files = (urls.size() + URLS_PER_FILE - 1) / URLS_PER_FILE;
    if (part == 0) {
      return Optional.of(files <= 1 ? urlset(urls) : index(files));
    }
    if (files <= 1 || part > files) {
      return Optional.empty();
    }
    int from = (part - 1) * URLS_PER_FILE;
    return Optional.of(urlset(urls.subList(from, Math.min(urls.size(), from + URLS_PER_FILE))));
  }

  private List<Url> urls() {
    Taxonomy taxonomy = helpers.reader.taxonomy();
    List<SitemapEntry> entries = helpers.reader.sitemapEntries();
    Instant newest = entries.isEmpty() ? null : entries.stream().map(SitemapEntry::lastRevisedAt)
        .max(Instant::compareTo).orElseThrow();
    List<Url> urls = new ArrayList<>();
    List<Edition> editions = helpers.editions.active();
    // each edition's version of a listing, each with the others as alternates and x-default the main one's
    java.util.function.BiConsumer<String, Instant> listing = (path, lastmod) -> {
      for (Edition edition : editions) {
        List<String[]> alternates = new ArrayList<>();
        if (editions.size() > 1) {
          editions.forEach(other -> alternates.add(new String[] {other.language(), other.path(path)}));
          alternates.add(new String[] {"x-default", path});
        }
        urls.add(new Url(edition.path(path), lastmod, alternates));
      }
    };
    listing.accept("/", newest);
    listing.accept(Urls.PUBLICATIONS, newest);
    for (String index : List.of(Urls.TOPICS, Urls.REGIONS, Urls.EXPERTS, Urls.ARCHIVE)) {
      listing.accept(index, null);
    }
    taxonomy.topics().forEach(t -> listing.accept(Urls.topic(t.slug()), null));
    taxonomy.regions().forEach(r -> listing.accept(Urls.region(r.slug()), null));
    taxonomy.experts().forEach(e -> listing.accept(Urls.expert(e.slug()), null));
    for (String type : helpers.config.types().keys()) {
      if (helpers.reader.count(Listing.type(type)) > 0) {
        listing.accept(Urls.type(type), null);
      }
    }
    Map<String, List<SitemapEntry>> groups = new HashMap<>();
    for (SitemapEntry entry : entries) {
      if (entry.translationGroup() != null) {
        groups.computeIfAbsent(entry.translationGroup(), g -> new ArrayList<>()).add(entry);
      }
    }
    for (SitemapEntry entry : entries) {
      List<String[]> alternates = new ArrayList<>();
      List<SitemapEntry> group = entry.translationGroup() == null ? List.of() : groups.get(entry.translationGroup());
      if (group.size() > 1) {
        List<String> order = helpers.config.languages();
        SitemapEntry first = group.get(0);
        for (SitemapEntry version : group) {
          alternates.add(new String[] {version.language(), Urls.piece(version.type(), version.slug())});
          int rank = order.contains(version.language()) ? order.indexOf(version.language()) : order.size();
          int firstRank = order.contains(first.language()) ? order.indexOf(first.language()) : order.size();
          if (rank < firstRank || rank == firstRank
              && Urls.piece(version.type(), version.slug()).compareTo(Urls.piece(first.type(), first.slug())) < 0) {
            first = version;
          }
        }
        // the same x-default as the pages' (PublicationPages.alternates)
        alternates.add(new String[] {"x-default", Urls.publication(first.slug())});
      }
      urls.add(new Url(Urls.piece(entry.type(), entry.slug()), entry.lastRevisedAt(), alternates));
    }
    return urls;
  }

  private String urlset(List<Url> urls) {
    return write(xml -> {
      xml.writeStartElement("urlset");
      xml.writeDefaultNamespace(NS);
      xml.writeNamespace("xhtml", XHTML);
      for (Url url : urls) {
        xml.writeStartElement("url");
        element(xml, "loc", helpers.config.absolute(url.path()));
        if (url.lastmod() != null) {
          element(xml, "lastmod", DateTimeFormatter.ISO_LOCAL_DATE.format(url.lastmod().atOffset(ZoneOffset.UTC)));
        }
        for (String[] alternate : url.alternates()) {
          xml.writeEmptyElement("xhtml", "link", XHTML);
          xml.writeAttribute("rel", "alternate");
          xml.writeAttribute("hreflang", alternate[0]);
          xml.writeAttribute("href", helpers.config.absolute(alternate[1]));
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
    });
  }

  private String index(int files) {
    return write(xml -> {
      xml.writeStartElement("sitemapindex");
      xml.writeDefaultNamespace(NS);
      for (int file = 1; file <= files; file++) {
        xml.writeStartElement("sitemap");
        element(xml, "loc", helpers.config.absolute("/sitemap-" + file + ".xml"));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    });
  }

  private interface XmlBody {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private static String write(XmlBody body) {
    StringWriter out = new StringWriter(64 * 1024);
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out);
      xml.setDefaultNamespace(NS);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write the sitemap", e);
    }
    return out.toString();
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }
}
