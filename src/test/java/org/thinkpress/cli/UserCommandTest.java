package org.thinkpress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thinkpress.app.ConfigLoader;
import org.thinkpress.app.ThinkPress;

/** {@code thinkpress user add}: the password comes from standard input (or the prompt), never an argument. */
class UserCommandTest {

  @TempDir
  Path folder;
  InputStream originalIn;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void keepStdin() {
    originalIn = System.in;
  }

  @AfterEach
  void restoreStdin() {
    System.setIn(originalIn);
  }

  int run(String stdin, String... args) {
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    String[] all = new String[args.length + 2];
    all[0] = "--set";
    all[1] = "data.dir=" + folder;
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.commandLine(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
  }

  @Test
  void addsAnAdminWhoseStdinPasswordSignsIn() {
    int exit = run("a long enough password\n", "user", "add", "--email", "Root@Think.example", "--role", "admin",
        "--name", "Root");

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("Created admin account root@think.example (#");
    try (ThinkPress app = ThinkPress.open(ConfigLoader.load(null, Map.of(), Map.of("data.dir", folder.toString())))) {
      assertThat(app.accounts().authenticate("root@think.example", "a long enough password")).isPresent();
      assertThat(app.accounts().authenticate("root@think.example", "another password")).isEmpty();
    }
  }

  @Test
  void refusesAShortPasswordAndHasNoPasswordOption() {
    assertThat(run("short\n", "user", "add", "--email", "a@think.example", "--role", "editor")).isEqualTo(1);
    assertThat(err.toString()).contains("thinkpress: the password must have at least 12 characters");

    assertThat(run("", "user", "add", "--email", "b@think.example", "--role", "editor", "--password", "x"))
        .isNotZero();
    assertThat(err.toString()).contains("Unknown options: '--password'");
  }

  @Test
  void refusesAnUnknownRole() {
    assertThat(run("a long enough password\n", "user", "add", "--email", "c@think.example", "--role", "owner"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("unknown role 'owner'; expected admin, editor or author");
  }

}
