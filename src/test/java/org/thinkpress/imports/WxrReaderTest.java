package org.thinkpress.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WordPress export reader: what it tells of the hand-written fixtures, in which order, and what it refuses. */
class WxrReaderTest {

  private static final String POLYLANG_PAIR = "pll_65f1c2a4b7e01";

  @TempDir
  Path temp;

  private final WxrReader reader = new WxrReader();

  // What a full export tells, in order.

  @Test
  void tellsTheSiteAuthorsTermsItemsAttachmentsAndSkipsInTheFilesOrder() {
    assertThat(summary(read("wxr-1.2.xml"))).containsExactly(
        "site https://example.org",
        "author anna.petrosyan", "author jmiller",
        "term category uncategorized", "term category security", "term category arms-control",
        "term category economy", "term category энергетика",
        "term tag nuclear", "term tag sanctions", "term tag south-caucasus",
        "term language en", "term language ru", "term post_translations " + POLYLANG_PAIR, "term nav_menu main-menu",
        "item 110", "skipped comment 7", "skipped comment 8",
        "attachment 111", "attachment 112",
        "term tag energy", "item 120", "attachment 121", "attachment 122",
        "item 130", "item 131", "item 132", "item 133", "item 140", "item 141", "item 150", "item 160",
        "skipped nav_menu_item 170", "skipped wp_block 180");
  }

  @Test
  void theSiteIsTheBlogAddressWithItsTitleAndLanguage() {
    assertThat(read("wxr-1.2.xml").of(SourceSite.class))
        .containsExactly(new SourceSite("wordpress", "https://example.org", "Northbridge Institute", "en-US"));
  }

  @Test
  void anAuthorIsKnownByTheLoginItsItemsName() {
    assertThat(read("wxr-1.2.xml").of(SourceAuthor.class)).containsExactly(
        new SourceAuthor("anna.petrosyan", "anna.petrosyan", "anna.petrosyan@example.org", "Anna Petrosyan",
            "anna-petrosyan", "", "", Map.of()),
        new SourceAuthor("jmiller", "jmiller", "j.miller@example.org", "James Miller", "jmiller", "", "", Map.of()));
  }

  @Test
  void termsKeepTheirParentsDescriptionsAndDecodedSlugs() {
    assertThat(read("wxr-1.2.xml").of(SourceTerm.class)).containsExactly(
        new SourceTerm("category", "uncategorized", "Uncategorized", "", "", false),
        new SourceTerm("category", "security", "Security", "", "Defence, deterrence and the region's conflicts.",
            false),
        new SourceTerm("category", "arms-control", "Arms control", "security", "", false),
        new SourceTerm("category", "economy", "Economy", "", "", false),
        new SourceTerm("category", "энергетика", "Энергетика", "economy", "", false),
        new SourceTerm("tag", "nuclear", "Nuclear", "", "", false),
        new SourceTerm("tag", "sanctions", "Sanctions", "", "Restrictive measures and their effects.", false),
        new SourceTerm("tag", "south-caucasus", "South Caucasus", "", "", false),
        new SourceTerm("language", "en", "English", "",
            "a:3:{s:6:\"locale\";s:5:\"en_US\";s:3:\"rtl\";i:0;s:9:\"flag_code\";s:2:\"us\";}", false),
        new SourceTerm("language", "ru", "Русский", "",
            "a:3:{s:6:\"locale\";s:5:\"ru_RU\";s:3:\"rtl\";i:0;s:9:\"flag_code\";s:2:\"ru\";}", false),
        new SourceTerm("post_translations", POLYLANG_PAIR, POLYLANG_PAIR, "",
            "a:2:{s:2:\"en\";i:140;s:2:\"ru\";i:141;}", false),
        new SourceTerm("nav_menu", "main-menu", "Main menu", "", "", false),
        new SourceTerm("tag", "energy", "Energy", "", "", false));
  }

  // Posts and pages, field by field.

  @Test
  void aBlockEditorPostKeepsEveryFieldAndItsBodyAsWritten() {
    assertThat(item(read("wxr-1.2.xml"), "110")).isEqualTo(new SourceItem(
        "110", 124, false, "Arms Control After New START", "arms-control-after-new-start", SourceStatus.PUBLISHED,
        Instant.parse("2024-03-05T09:30:00Z"), Instant.parse("2024-03-07T07:00:00Z"), "", """
        <!-- wp:paragraph -->
        <p>With the last treaty limiting strategic arsenals suspended, the region's security rests on habits rather than rules.</p>
        <!-- /wp:paragraph -->

        <!-- wp:image {"id":112,"sizeSlug":"large","linkDestination":"none"} -->
        <figure class="wp-block-image size-large"><img src="https://example.org/wp-content/uploads/2024/03/negotiating-table-1024x683.jpg" alt="An empty negotiating table" class="wp-image-112"/><figcaption class="wp-element-caption">The table in Geneva, 2023.</figcaption></figure>
        <!-- /wp:image -->

        <!-- wp:paragraph -->
        <p>[caption id="attachment_111" align="aligncenter" width="640"]<img class="size-large wp-image-111" src="https://example.org/wp-content/uploads/2024/03/tbilisi-talks-640x427.jpg" alt="Delegations in Tbilisi" width="640" height="427" /> Delegations at the Tbilisi talks.[/caption]</p>
        <!-- /wp:paragraph -->

        <!-- wp:html -->
        <div id="warhead-chart"></div><script>/* <![CDATA[ */ var chartData = [1550, 1500]; /* ]]> */</script>
        <!-- /wp:html -->""",
        List.of("anna.petrosyan"), List.of("arms-control", "security"), List.of("nuclear"),
        "", "111", "Arms control after New START: what holds the line",
        "Without a treaty, deterrence in the region rests on habit. What would restore the rules.", true,
        "", "", "https://example.org/2024/03/arms-control-after-new-start/", List.of("/?p=110")));
  }

  @Test
  void aClassicPostKeepsItsParagraphsGalleryExcerptAndRankMathFields() {
    assertThat(item(read("wxr-1.2.xml"), "120")).isEqualTo(new SourceItem(
        "120", 275, false, "Sanctions and the Caspian Energy Trade", "sanctions-and-the-caspian-energy-trade",
        SourceStatus.PUBLISHED, Instant.parse("2024-03-21T06:00:00Z"), Instant.parse("2024-03-21T06:00:00Z"),
        "Caspian trade has grown by a third and moved south. Sanctions policy should follow the cargo.", """
        Trade across the Caspian has grown by a third since 2022, and most of it now avoids the northern route.

        Three ports carry the difference. Each has expanded faster than its hinterland can absorb, which makes the trade fragile.

        [gallery ids="121,122" columns="2"]

        What follows for sanctions policy is <em>not</em> more listings but better tracing of cargo.""",
        List.of("jmiller"), List.of("economy"), List.of("sanctions", "energy", "south-caucasus"),
        "", "", "Sanctions and Caspian energy: follow the cargo",
        "Caspian trade moved south after 2022. Where sanctions policy should look next.", false,
        "", "", "https://example.org/2024/03/sanctions-and-the-caspian-energy-trade/", List.of("/?p=120")));
  }

  @Test
  void aPageIsAPageAndReachedByItsPageId() {
    SourceItem about = item(read("wxr-1.2.xml"), "160");

    assertThat(about.page()).isTrue();
    assertThat(about.line()).isEqualTo(560);
    assertThat(about.slug()).isEqualTo("about");
    assertThat(about.permalink()).isEqualTo("https://example.org/about/");
    assertThat(about.oldPaths()).containsExactly("/?page_id=160");
  }

  @Test
  void wordpressStatusesBecomeSourceStatuses() {
    Recorder heard = read("wxr-1.2.xml");

    assertThat(heard.of(SourceItem.class)).extracting(SourceItem::id, SourceItem::status).containsExactly(
        tuple("110", SourceStatus.PUBLISHED), tuple("120", SourceStatus.PUBLISHED),
        tuple("130", SourceStatus.SCHEDULED), tuple("131", SourceStatus.DRAFT), tuple("132", SourceStatus.PRIVATE),
        tuple("133", SourceStatus.PROTECTED), tuple("140", SourceStatus.PUBLISHED),
        tuple("141", SourceStatus.PUBLISHED), tuple("150", SourceStatus.PUBLISHED),
        tuple("160", SourceStatus.PUBLISHED));
  }

  @Test
  void aScheduledPostIsDueAtItsGmtDate() {
    SourceItem scheduled = item(read("wxr-1.2.xml"), "130");

    assertThat(scheduled.publishedAt()).isEqualTo(Instant.parse("2030-06-01T07:00:00Z"));
    assertThat(scheduled.modifiedAt()).isEqualTo(Instant.parse("2024-05-10T12:00:00Z"));
    assertThat(scheduled.permalink()).isEqualTo("https://example.org/?p=130");
  }

  @Test
  void aDraftWithAZeroGmtDateWasNeverPublished() {
    SourceItem draft = item(read("wxr-1.2.xml"), "131");

    assertThat(draft.publishedAt()).isNull();
    assertThat(draft.modifiedAt()).isEqualTo(Instant.parse("2024-04-03T08:15:00Z"));
    assertThat(draft.slug()).isEmpty();
    assertThat(draft.categories()).containsExactly("uncategorized");
  }

  @Test
  void aPolylangPairSharesItsTranslationKeyAndTellsEachLanguage() {
    Recorder heard = read("wxr-1.2.xml");

    SourceItem english = item(heard, "140");
    SourceItem russian = item(heard, "141");
    assertThat(english.language()).isEqualTo("en");
    assertThat(russian.language()).isEqualTo("ru");
    assertThat(english.translationKey()).isEqualTo(POLYLANG_PAIR);
    assertThat(russian.translationKey()).isEqualTo(POLYLANG_PAIR);
    assertThat(english.categories()).containsExactly("economy");
    assertThat(english.tags()).containsExactly("south-caucasus");
  }

  @Test
  void cyrillicAndArmenianSlugsArePercentDecoded() {
    Recorder heard = read("wxr-1.2.xml");

    SourceItem russian = item(heard, "141");
    assertThat(russian.title()).isEqualTo("Энергетическая безопасность на Южном Кавказе");
    assertThat(russian.slug()).isEqualTo("энергетическая-безопасность-на-южном-кавказе");
    assertThat(russian.categories()).containsExactly("энергетика");
    SourceItem armenian = item(heard, "150");
    assertThat(armenian.title()).isEqualTo("Հայաստանի անվտանգության ռազմավարությունը");
    assertThat(armenian.slug()).isEqualTo("հայաստանի-անվտանգության-ռազմավարությունը");
    assertThat(armenian.language()).isEmpty();
  }

  @Test
  void attachmentsNameTheirFileAndTheItemTheyBelongTo() {
    assertThat(read("wxr-1.2.xml").of(SourceAttachment.class)).containsExactly(
        new SourceAttachment("111", "https://example.org/wp-content/uploads/2024/03/tbilisi-talks.jpg", "110",
            "Delegations at the Tbilisi talks", 213),
        new SourceAttachment("112", "https://example.org/wp-content/uploads/2024/03/negotiating-table.jpg", "110",
            "An empty negotiating table", 246),
        new SourceAttachment("121", "https://example.org/wp-content/uploads/2024/03/alat-port.jpg", "120",
            "Tankers at Alat port", 317),
        new SourceAttachment("122", "https://example.org/wp-content/uploads/2024/03/aktau-terminal.png", "120",
            "The Aktau pipeline terminal", 342));
  }

  @Test
  void menuItemsBlocksAndCommentsAreSkippedWithAReason() {
    assertThat(read("wxr-1.2.xml").of(Skip.class)).containsExactly(
        new Skip("comment", "7", "comments are not imported"),
        new Skip("comment", "8", "comments are not imported"),
        new Skip("nav_menu_item", "170", "a WordPress nav_menu_item is not content"),
        new Skip("wp_block", "180", "a WordPress wp_block is not content"));
  }

  @Test
  void readingTheSameFileTwiceTellsTheSame() {
    assertThat(read("wxr-1.2.xml").events).isEqualTo(read("wxr-1.2.xml").events);
  }

  // The https namespace, WXR 1.1, WordPress.com's habits.

  @Test
  void aWordpressComExportInTheHttpsNamespaceReadsTheSame() {
    Recorder heard = read("wxr-1.1-https.xml");

    assertThat(summary(heard)).containsExactly(
        "site https://caspian.example.org", "author editor",
        "term category analysis", "term tag каспий", "item 5",
        "term tag water", "item 7", "skipped comment 3");
    assertThat(heard.of(SourceSite.class))
        .containsExactly(new SourceSite("wordpress", "https://caspian.example.org", "Каспийский мониторинг", "ru-RU"));
    assertThat(heard.of(SourceAuthor.class))
        .containsExactly(new SourceAuthor("editor", "editor", "editor@caspian.example.org", "Редакция", "editor",
            "", "", Map.of()));
    assertThat(heard.of(SourceTerm.class)).containsExactly(
        new SourceTerm("category", "analysis", "Анализ", "", "", false),
        new SourceTerm("tag", "каспий", "Каспий", "", "", false),
        new SourceTerm("tag", "water", "Water", "", "", false));
  }

  @Test
  void aWxr11PostHasNoModifiedDate() {
    assertThat(item(read("wxr-1.1-https.xml"), "5")).isEqualTo(new SourceItem(
        "5", 29, false, "Морская граница на Каспии", "морская-граница-на-каспии", SourceStatus.PUBLISHED,
        Instant.parse("2024-02-14T09:00:00Z"), null, "", """
        Конвенция 2018 года определила статус моря, но не провела границ на дне.

        Каждое новое месторождение возвращает старый спор.""",
        List.of("editor"), List.of("analysis"), List.of("каспий"), "", "", "", "", false, "", "",
        "https://caspian.example.org/2024/02/14/%d0%bc%d0%be%d1%80%d1%81%d0%ba%d0%b0%d1%8f-%d0%b3%d1%80%d0%b0%d0%bd"
            + "%d0%b8%d1%86%d0%b0-%d0%bd%d0%b0-%d0%ba%d0%b0%d1%81%d0%bf%d0%b8%d0%b8/",
        List.of("/?p=5")));
  }

  // Refused files: the message names the file and line, and nothing before the fault is lost to a guess.

  @Test
  void aDoctypeIsRefusedAtItsLineBeforeAnythingIsTold() {
    Recorder heard = new Recorder();

    assertThatThrownBy(() -> reader.read(fixture("doctype.xml"), heard))
        .isInstanceOf(ImportException.class)
        .hasMessage("doctype.xml:4: the file has a DOCTYPE, which no WordPress export has; it is refused, as"
            + " WordPress refuses it, because a DOCTYPE can make a reader expand or fetch entities");
    assertThat(heard.events).isEmpty();
  }

  @Test
  void aFileWithoutWxrVersionIsRefusedAtItsChannel() {
    Recorder heard = new Recorder();

    assertThatThrownBy(() -> reader.read(fixture("no-version.xml"), heard))
        .isInstanceOf(ImportException.class)
        .hasMessage("no-version.xml:9: the channel has no wp:wxr_version before its first author, term or item,"
            + " so this is not a WordPress export (WXR)");
    assertThat(heard.events).isEmpty();
  }

  @Test
  void malformedXmlIsRefusedAtItsLineInTheParsersWords() {
    Recorder heard = new Recorder();

    assertThatThrownBy(() -> reader.read(fixture("broken.xml"), heard))
        .isInstanceOf(ImportException.class)
        .hasMessage("broken.xml:35: the XML is malformed:"
            + " The entity name must immediately follow the '&' in the entity reference.");
    assertThat(summary(heard)).as("a stream tells what it read before the fault")
        .containsExactly("site https://example.org", "item 110");
  }

  @Test
  void anUndeclaredPrefixIsSaidInWords() throws IOException {
    Path file = write("no-namespace.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
          <wp:wxr_version>1.2</wp:wxr_version>
          <item><content:encoded>Body</content:encoded></item>
        </channel>
        </rss>
        """);

    assertThatThrownBy(() -> reader.read(file, new Recorder()))
        .isInstanceOf(ImportException.class)
        .hasMessage("no-namespace.xml:5: the XML is malformed: the prefix \"content\" of <content:encoded> is not"
            + " declared (the <rss> lacks its xmlns:content)");
  }

  @Test
  void aFeedThatIsNotRssIsRefused() throws IOException {
    Path file = write("feed.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Northbridge</title></feed>
        """);

    assertThatThrownBy(() -> reader.read(file, new Recorder()))
        .isInstanceOf(ImportException.class)
        .hasMessage("feed.xml:2: this is not a WordPress export (WXR): it begins with <feed>,"
            + " where a WXR file begins with <rss>");
  }

  @Test
  void anUnknownWxrVersionIsRefusedAtItsLine() throws IOException {
    Path file = write("future.xml", export("2.0", ""));

    assertThatThrownBy(() -> reader.read(file, new Recorder()))
        .isInstanceOf(ImportException.class)
        .hasMessage("future.xml:5: wp:wxr_version \"2.0\" is not a version ThinkPress reads (WXR 1.0, 1.1, 1.2)");
  }

  @Test
  void aDateThatIsNoDateIsRefusedAtItsLine() throws IOException {
    Path file = write("bad-date.xml", export("1.2", """
        <item>
          <wp:post_id>9</wp:post_id>
          <wp:post_type>post</wp:post_type>
          <wp:status>publish</wp:status>
          <wp:post_date_gmt>2024-02-30 10:00:00</wp:post_date_gmt>
        </item>
        """));

    assertThatThrownBy(() -> reader.read(file, new Recorder()))
        .isInstanceOf(ImportException.class)
        .hasMessage("bad-date.xml:13: wp:post_date_gmt \"2024-02-30 10:00:00\" is not a date and time as WordPress"
            + " writes them (yyyy-MM-dd HH:mm:ss)");
  }

  @Test
  void anEmptyFileIsMalformed() throws IOException {
    Path file = write("empty.xml", "");

    assertThatThrownBy(() -> reader.read(file, new Recorder()))
        .isInstanceOf(ImportException.class)
        .hasMessage("empty.xml:1: the XML is malformed: Premature end of file.");
  }

  @Test
  void bytesThatAreNotUtf8AreMalformedAtTheirLine() throws IOException {
    Path file = temp.resolve("latin1.xml");
    Files.write(file, export("1.2", "<item><title>Caf\u00e9 diplomacy</title></item>\n")
        .getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> reader.read(file, new Recorder()))
        .isInstanceOf(ImportException.class)
        .hasMessage("latin1.xml:9: the XML is malformed: Invalid byte 2 of 3-byte UTF-8 sequence.");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> reader.read(temp.resolve("missing.xml"), new Recorder()))
        .isInstanceOf(ImportException.class)
        .hasMessage("missing.xml: there is no such file");
  }

  // What other plugins and exporters write.

  @Test
  void wpmlExportAndImportMetaGiveLanguageAndTranslationKey() throws IOException {
    Path file = write("wpml.xml", export("1.2", """
        <item>
          <title>Energiesicherheit im Südkaukasus</title>
          <wp:post_id>40</wp:post_id>
          <wp:post_type>post</wp:post_type>
          <wp:status>publish</wp:status>
          <wp:postmeta><wp:meta_key>_wpml_import_language_code</wp:meta_key>
            <wp:meta_value>de</wp:meta_value></wp:postmeta>
          <wp:postmeta><wp:meta_key>_wpml_import_translation_group</wp:meta_key>
            <wp:meta_value>140</wp:meta_value></wp:postmeta>
          <wp:postmeta><wp:meta_key>_aioseo_title</wp:meta_key>
            <wp:meta_value>Energiesicherheit</wp:meta_value></wp:postmeta>
          <wp:postmeta><wp:meta_key>_aioseo_description</wp:meta_key>
            <wp:meta_value>Pipelines und Politik.</wp:meta_value></wp:postmeta>
        </item>
        """));

    SourceItem german = item(read(file), "40");

    assertThat(german.language()).isEqualTo("de");
    assertThat(german.translationKey()).isEqualTo("140");
    assertThat(german.seoTitle()).isEqualTo("Energiesicherheit");
    assertThat(german.seoDescription()).isEqualTo("Pipelines und Politik.");
  }

  @Test
  void aWxr10ItemsTagsAreTagsAndItsBareCategoriesAreNotTerms() throws IOException {
    Path file = write("wxr-1.0.xml", export("1.0", """
        <item>
          <wp:post_id>3</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
          <category><![CDATA[Security]]></category>
          <category domain="category" nicename="security"><![CDATA[Security]]></category>
          <category domain="tag"><![CDATA[Nuclear]]></category>
          <category domain="tag" nicename="nuclear"><![CDATA[Nuclear]]></category>
        </item>
        """));

    SourceItem post = item(read(file), "3");

    assertThat(post.categories()).containsExactly("security");
    assertThat(post.tags()).containsExactly("nuclear");
  }

  @Test
  void aMultisiteExportIsAddressedByItsBlogNotItsNetwork() throws IOException {
    Path file = write("multisite.xml", export("1.0", "").replace("<wp:base_blog_url>https://example.org/",
        "<wp:base_blog_url>https://analysis.example.org/"));

    assertThat(read(file).of(SourceSite.class)).extracting(SourceSite::baseUrl)
        .containsExactly("https://analysis.example.org");
  }

  @Test
  void aTrashedPostIsSkippedAndAPasswordOnADraftChangesNothing() throws IOException {
    Path file = write("trash.xml", export("1.2", """
        <item><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>trash</wp:status></item>
        <item><wp:post_id>2</wp:post_id><wp:post_type>post</wp:post_type><wp:status>draft</wp:status>
          <wp:post_password>secret</wp:post_password></item>
        <item><wp:post_id>3</wp:post_id><wp:post_type>page</wp:post_type><wp:status>pitch</wp:status></item>
        """));

    Recorder heard = read(file);

    assertThat(heard.of(Skip.class)).containsExactly(new Skip("post", "1", "it is in the WordPress trash"));
    assertThat(heard.of(SourceItem.class)).extracting(SourceItem::id, SourceItem::status)
        .containsExactly(tuple("2", SourceStatus.DRAFT), tuple("3", SourceStatus.DRAFT));
  }

  @Test
  void aLargeExportIsReadItemByItem() throws IOException {
    Path file = temp.resolve("large.xml");
    String body = "<!-- wp:paragraph --><p>" + "Deterrence rests on habits rather than rules. ".repeat(80)
        + "</p><!-- /wp:paragraph -->";
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String header = export("1.2", "");
      out.write(header.substring(0, header.indexOf("</channel>")));
      for (int id = 1; id <= 5_000; id++) {
        out.write("<item><title>Paper " + id + "</title><dc:creator>anna.petrosyan</dc:creator>"
            + "<content:encoded><![CDATA[" + body + "]]></content:encoded><wp:post_id>" + id + "</wp:post_id>"
            + "<wp:post_date_gmt>2024-03-05 09:30:00</wp:post_date_gmt><wp:status>publish</wp:status>"
            + "<wp:post_type>post</wp:post_type></item>\n");
      }
      out.write("</channel>\n</rss>\n");
    }
    assertThat(Files.size(file)).isGreaterThan(18_000_000L);
    int[] items = {0};
    String[] last = {""};

    reader.read(file, new SourceVisitor() {
      @Override
      public void item(SourceItem item) {
        items[0]++;
        last[0] = item.id();
      }
    });

    assertThat(items[0]).isEqualTo(5_000);
    assertThat(last[0]).isEqualTo("5000");
  }

  // Helpers.

  /** A minimal export: the channel's header with {@code version} at line 5, then {@code items} from line 9. */
  private static String export(String version, String items) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/%1$s/" \
             xmlns:excerpt="http://wordpress.org/export/%1$s/excerpt/">
        <channel>
          <wp:wxr_version>%1$s</wp:wxr_version>
          <title>Northbridge Institute</title>
          <wp:base_site_url>https://example.org/</wp:base_site_url>
          <wp:base_blog_url>https://example.org/</wp:base_blog_url>
        %2$s</channel>
        </rss>
        """.formatted(version, items);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static Path fixture(String name) {
    try {
      return Path.of(WxrReaderTest.class.getResource("wordpress/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Recorder read(String fixture) {
    return read(fixture(fixture));
  }

  private Recorder read(Path file) {
    Recorder heard = new Recorder();
    reader.read(file, heard);
    return heard;
  }

  private static SourceItem item(Recorder heard, String id) {
    return heard.of(SourceItem.class).stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  /** Each thing heard in one line, to compare orders at a glance. */
  private static List<String> summary(Recorder heard) {
    return heard.events.stream().map(event -> {
      if (event instanceof SourceSite site) {
        return "site " + site.baseUrl();
      } else if (event instanceof SourceAuthor author) {
        return "author " + author.id();
      } else if (event instanceof SourceTerm term) {
        return "term " + term.taxonomy() + " " + term.slug();
      } else if (event instanceof SourceAttachment attachment) {
        return "attachment " + attachment.id();
      } else if (event instanceof SourceItem item) {
        return "item " + item.id();
      }
      Skip skip = (Skip) event;
      return "skipped " + skip.kind() + " " + skip.id();
    }).toList();
  }

  record Skip(String kind, String id, String reason) {}

  /** Everything a reader tells, in order. */
  private static final class Recorder implements SourceVisitor {

    final List<Object> events = new ArrayList<>();

    <T> List<T> of(Class<T> kind) {
      return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Override
    public void site(SourceSite site) {
      events.add(site);
    }

    @Override
    public void author(SourceAuthor author) {
      events.add(author);
    }

    @Override
    public void term(SourceTerm term) {
      events.add(term);
    }

    @Override
    public void attachment(SourceAttachment attachment) {
      events.add(attachment);
    }

    @Override
    public void item(SourceItem item) {
      events.add(item);
    }

    @Override
    public void skipped(String kind, String id, String reason) {
      events.add(new Skip(kind, id, reason));
    }
  }
}
