package org.thinkpress.subscribers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A copy of the site's checker for the sign-up pages. The Nu Html Checker (the W3C's HTML validator, {@code vnu.jar}) run in a process of its own over
 * a batch of documents. The build downloads the jar (see the pom); its path comes in the system
 * property {@code thinkpress.vnu.jar}.
 */
final class NuHtmlChecker {

  private NuHtmlChecker() {}

  /**
   * Checks every document and returns, per name, the errors and warnings found (empty when valid).
   *
   * @param documents HTML documents by a name used in messages (for example the page's path)
   */
  static Map<String, List<String>> check(Map<String, String> documents) throws IOException, InterruptedException {
    String jar = System.getProperty("thinkpress.vnu.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("vnu.jar not found at " + jar + "; run the tests through Maven (mvn verify),"
          + " which downloads it");
    }
    Path folder = Files.createTempDirectory("thinkpress-vnu-");
    Map<String, String> nameByFile = new LinkedHashMap<>();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xss4m", "-jar", jar, "--format", "json", "--stdout", "--also-check-css", "--also-check-svg"));
    int index = 0;
    for (Map.Entry<String, String> document : documents.entrySet()) {
      Path file = folder.resolve("page-" + index++ + ".html");
      Files.writeString(file, document.getValue(), StandardCharsets.UTF_8);
      nameByFile.put("file:" + file.toAbsolutePath(), document.getKey());
      command.add(file.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] output = process.getInputStream().readAllBytes();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("vnu.jar did not finish within 120 s");
    }
    Map<String, List<String>> problems = new LinkedHashMap<>();
    documents.keySet().forEach(name -> problems.put(name, new ArrayList<>()));
    JsonNode report;
    try {
      report = new ObjectMapper().readTree(output);
    } catch (IOException e) {
      throw new IllegalStateException("vnu.jar gave no JSON report; it said: " + errors, e);
    }
    for (JsonNode message : report.get("messages")) {
      String name = nameByFile.getOrDefault(message.path("url").asText(), message.path("url").asText());
      String type = message.path("type").asText() + (message.has("subType") ? "/" + message.path("subType").asText() : "");
      if (type.equals("info")) {
        continue; // informational notes, not problems
      }
      problems.computeIfAbsent(name, n -> new ArrayList<>()).add(type + " at line " + message.path("lastLine").asText()
          + ": " + message.path("message").asText() + " [" + message.path("extract").asText().strip() + "]");
    }
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(folder);
    return problems;
  }
}
