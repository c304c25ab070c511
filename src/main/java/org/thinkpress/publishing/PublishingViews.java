package org.thinkpress.publishing;

import java.util.List;
import org.thinkpress.admin.AdminViews.Choice;

/**
 * The view models of the editorial admin pages ({@code src/main/jte/publishing/admin/}): plain, formatted
 * values that jte escapes; {@code *Html} fields hold sanitized HTML.
 */
public final class PublishingViews {

  private PublishingViews() {}

  public record Row(String editHref, String title, String slug, String status, String type, String language,
                    String published, String changed, String owner, String publicHref) {}

  public record ListPage(List<Choice> statuses, List<Choice> types, List<Choice> experts, List<Choice> topics,
                         List<Choice> languages, String query, List<Row> rows, boolean filtered) {}

  /** A preview link as the editor lists it. */
  public record LinkRow(long id, String created, boolean active, String revokeAction) {}

  /**
   * A list whose order counts (a byline, topics, regions): ticked boxes in their order, then the rest.
   *
   * @param name the form field of the ticked boxes ({@code experts}); positions are {@code NAME_position_SLUG}
   */
  public record OrderedList(String name, String legend, String hint, List<OrderedChoice> choices) {}

  /**
   * One entry of an {@link OrderedList}.
   *
   * @param position its place, from 1, when ticked; empty otherwise
   * @param upMove the value of its move-up button, or null when it is first or not ticked
   * @param downMove the value of its move-down button, or null when it is last or not ticked
   */
  public record OrderedChoice(String value, String label, boolean selected, String positionField, String position,
                              String upMove, String downMove) {}

  /**
   * The editing form. {@code id} is 0 for a new piece. Times are {@code datetime-local} values in
   * the site's zone; a {@code *Step} is the step their precision needs, or null for whole minutes.
   *
   * @param actions the buttons to show: value and label
   */
  /**
   * The featured image's part of the form: the image uploads to choose from (the chosen one
   * selected; {@code url} empty for "none"), and its texts as shown or typed.
   */
  public record ImageChoice(List<Choice> uploads, String url, String alt, String caption, String credit) {}

  public record EditPage(long id, long editVersion, String formAction, String title, String slug, String language,
                         String translationGroup, String standfirst, String body, List<Choice> types,
                         List<OrderedList> orderedLists, boolean featured, String publishedAt, String publishedStep,
                         String updatedAt, String updatedStep, String status, String statusLabel, String zone,
                         boolean mayEdit, List<Choice> actions, String publicHref, String previewHref,
                         String revisionsHref, List<LinkRow> previewLinks, String previewLinksAction,
                         String conflictHref, String uploadAction, long uploadMaxMb, boolean page, ImageChoice image) {
    public boolean isNew() {
      return id == 0;
    }

    /** Whether Save is among the actions: it then comes first too, as the button the Enter key presses. */
    public boolean offersSave() {
      return actions.stream().anyMatch(action -> action.value().equals("save"));
    }
  }

  /** A draft shown as readers would see it. */
  public record PreviewPage(String title, String standfirst, String bodyHtml, String status, String language,
                            List<String> toc, String editHref) {}

  public record RevisionRow(long id, long version, String kind, String author, String note, String created,
                            String restoreAction, boolean current) {}

  public record RevisionsPage(long publicationId, String title, String editHref, String diffAction, long editVersion,
                              List<RevisionRow> revisions, String defaultFrom, String defaultTo) {}

  public record DiffLine(String change, String oldNumber, String newNumber, String text) {}

  public record DiffPage(String title, String revisionsHref, String from, String to, int added, int removed,
                         List<DiffLine> lines) {}

  public record TaxonRow(String editHref, String slug, String name, String detail, int usage) {}

  public record TaxonomyPage(String kind, String kindPlural, String heading, List<TaxonRow> rows, String createAction,
                             List<Choice> parents) {}

  /** The site pages (About, Contact...): title, status, language, when changed, where they are on the site. */
  public record PagesPage(List<Row> rows) {}

  /**
   * The form of one expert, topic or region, with rename, merge and delete.
   *
   * @param expertise an expert's areas of expertise, one per line
   * @param languages the languages an expert speaks, as tags separated by spaces
   * @param photos the image uploads an expert's portrait can be (URL, name)
   */
  public record TaxonPage(String kind, String heading, String slug, String name, String description, String role,
                          String affiliation, String bio, String photoUrl, List<Choice> parents, int usage,
                          String saveAction, String renameAction, String mergeAction, String deleteAction,
                          List<Choice> others, String listHref, String expertise, String languages,
                          String mediaContact, List<Choice> photos) {}
}
