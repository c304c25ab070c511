package org.thinkpress.search;

import static org.thinkpress.content.Fixtures.publication;

import java.util.List;
import java.util.Map;
import org.thinkpress.content.ContentBundle;
import org.thinkpress.content.ExpertInput;
import org.thinkpress.content.PublicationInput;
import org.thinkpress.content.RegionInput;
import org.thinkpress.content.TopicInput;

/**
 * A small fixed corpus written for the search tests: English, Russian and Armenian pieces whose
 * words are chosen so that each relevance test has one right answer, and the Russian and Armenian
 * queries of the tests occur in no piece in the form typed: they can only match through stemming.
 */
final class Corpus {

  private Corpus() {}

  static ContentBundle taxonomy() {
    return new ContentBundle(Map.of("site.title", "Test Institute"),
        List.of(new TopicInput("energy", "Energy", Map.of("ru", "Энергетика"), ""),
            new TopicInput("security", "Security", Map.of("ru", "Безопасность"), ""),
            new TopicInput("trade", "Trade", Map.of(), ""),
            new TopicInput("governance", "Governance", Map.of(), "")),
        List.of(new RegionInput("black-sea", "Black Sea", Map.of(), null),
            new RegionInput("south-caucasus", "South Caucasus", Map.of("ru", "Южный Кавказ"), null),
            new RegionInput("armenia", "Armenia", Map.of("hy", "Հայաստան", "ru", "Армения"), "south-caucasus"),
            new RegionInput("georgia", "Georgia", Map.of(), "south-caucasus"),
            new RegionInput("central-asia", "Central Asia", Map.of(), null),
            new RegionInput("kazakhstan", "Kazakhstan", Map.of(), "central-asia")),
        List.of(new ExpertInput("irina-moraru", "Irina Moraru", Map.of("ru", "Ирина Морару"),
                "Fellow", "", "", null),
            new ExpertInput("lilit-arakelyan", "Lilit Arakelyan", Map.of("ru", "Лилит Аракелян", "hy", "Լիլիթ Առաքելյան"),
                "Fellow", "", "", null),
            new ExpertInput("daniyar-abenov", "Daniyar Abenov", Map.of(), "Fellow", "", "", null)),
        List.of());
  }

  static ContentBundle pieces() {
    return new ContentBundle(Map.of(), List.of(), List.of(), List.of(), PIECES);
  }

  static final List<PublicationInput> PIECES = List.of(
      publication("grain-corridor-reopens").group("grain").title("Black Sea Grain Corridor Reopens")
          .standfirst("Ukrainian ports are shipping wheat again.")
          .body("Ukrainian ports resumed exports of wheat and maize after insurers returned to the market.\n\n"
              + "Shipping through the corridor depends on naval escorts and on war-risk insurance. Exporters hope the"
              + " harvest reaches buyers in Egypt and Turkey before the winter storms.")
          .type("analysis").published("2025-03-01T09:00:00Z").experts("irina-moraru").topics("trade")
          .regions("black-sea").build(),
      publication("gas-pipeline-transit").title("Gas Transit After the Pipeline Deal")
          .standfirst("Transit fees are back on the table.")
          .body("Pipeline operators negotiated new transit fees. Europe's gas storage is full, and Azerbaijan supplies"
              + " more through the Southern Gas Corridor.")
          .type("commentary").published("2025-05-10T09:00:00Z").experts("daniyar-abenov").topics("energy")
          .regions("south-caucasus").build(),
      publication("border-commissions-explained").group("border").title("How Border Commissions Work")
          .standfirst("Delimitation is slow, technical and political.")
          .body("Delimitation commissions compare Soviet-era maps, walk the terrain and agree each segment of the"
              + " border line. Their protocols are signed by both governments.")
          .type("analysis").published("2024-11-20T09:00:00Z").experts("lilit-arakelyan").topics("security")
          .regions("armenia").build(),
      publication("election-cyber-defence").title("Defending Elections Against Cyber Interference")
          .standfirst("Voting systems are only as safe as the people running them.")
          .body("Election officials hardened voting systems after phishing campaigns against staff. Naval metaphors"
              + " aside, the escorts of a ballot are its observers.")
          .type("policy-brief").published("2025-09-01T09:00:00Z").experts("irina-moraru")
          .topics("security", "governance").regions("georgia").build(),
      publication("water-irrigation-central-asia").title("Water and Irrigation in Central Asia")
          .standfirst("Rivers decide harvests.")
          .body("Irrigation canals carry river water to cotton fields, while hydropower dams upstream hold it back"
              + " for winter electricity.")
          .type("report").published("2023-06-15T09:00:00Z").experts("daniyar-abenov").topics("energy")
          .regions("kazakhstan").build(),
      publication("remittances-armenia").title("Remittances and the Armenian Economy")
          .standfirst("Money sent home changed the dram.")
          .body("Money sent home by migrants strengthened the dram and filled the banks with deposits.")
          .type("analysis").published("2025-01-20T09:00:00Z").experts("lilit-arakelyan").topics("trade")
          .regions("armenia").build(),
      publication("interview-insuring-ships").title("Interview: Insuring Ships in Wartime")
          .standfirst("Underwriters on the cost of risk.")
          .body("Underwriters explain how premiums for ships calling at Odesa have fallen. Cargo owners still pay"
              + " more than before the war.")
          .type("interview").published("2025-04-01T09:00:00Z").experts("irina-moraru").topics("trade")
          .regions("black-sea").build(),
      publication("granitsy-komissii").language("ru").group("border").title("Как работают пограничные комиссии")
          .standfirst("Делимитация идёт медленно.")
          .body("Комиссии по делимитации сравнивают советские карты и согласуют каждый участок линии границы."
              + " Протоколы подписывают оба правительства.")
          .type("analysis").published("2024-11-21T09:00:00Z").experts("lilit-arakelyan").topics("security")
          .regions("armenia").build(),
      publication("eksport-zerna").language("ru").group("grain").title("Экспорт зерна через Черное море")
          .standfirst("Украинские порты снова отгружают пшеницу.")
          .body("Украинские порты возобновили вывоз пшеницы и кукурузы, когда вернулись страховщики.")
          .type("analysis").published("2025-03-02T09:00:00Z").experts("irina-moraru").topics("trade")
          .regions("black-sea").build(),
      publication("sahmanazatum").language("hy").group("border")
          .title("Սահմանազատում. ինչպես են աշխատում հանձնաժողովները")
          .standfirst("Սահմանազատումը դանդաղ գործընթաց է։")
          .body("Սահմանազատման հանձնաժողովները համեմատում են խորհրդային քարտեզները և համաձայնեցնում սահմանագծի"
              + " յուրաքանչյուր հատված։ Հայաստանի կառավարությունը ստորագրում է արձանագրությունները։")
          .type("analysis").published("2024-11-22T09:00:00Z").experts("lilit-arakelyan").topics("security")
          .regions("armenia").build(),
      publication("jrayin-resursner").language("hy").title("Ջրային ռեսուրսների կառավարում")
          .standfirst("Գետերը որոշում են բերքը։")
          .body("Ջրային ռեսուրսների կառավարումը պահանջում է համագործակցություն հարևանների հետ։")
          .type("report").published("2023-07-01T09:00:00Z").experts("daniyar-abenov").topics("energy")
          .regions("central-asia").build(),
      publication("markup-in-text").title("Why <script>alert(1)</script> tags stay text")
          .standfirst("A piece about <b>markup</b> in headlines.")
          .body("Editors sometimes write about `<img src=x onerror=alert(1)>` and other tags in prose; a"
              + " sanitizer keeps them as text: &lt;b&gt;escaped&lt;/b&gt; markup.")
          .type("commentary").published("2022-02-02T09:00:00Z").experts("daniyar-abenov").topics("governance")
          .regions("georgia").build());
}
