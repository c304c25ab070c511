package org.thinkpress.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.thinkpress.accounts.Account;
import org.thinkpress.accounts.AccountException;
import org.thinkpress.accounts.Role;
import org.thinkpress.app.ThinkPress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code thinkpress user add} and {@code user password}: accounts for the admin. The password is
 * asked at the terminal (twice, not echoed) or, when standard input is not a terminal, read from
 * its first line; never from an argument, which other users of the machine could see.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage admin accounts.",
    subcommands = {UserCommand.Add.class, UserCommand.Password.class})
final class UserCommand {

  @ParentCommand
  ThinkPressCommand root;


  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Create an account. The password is asked at the prompt, or read from standard input."})
  static final class Add implements Callable<Integer> {
    @ParentCommand
    UserCommand user;

    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, description = "the address to sign in with")
    String email;

    @Option(names = "--role", required = true, description = "admin, editor or author")
    String role;

    @Option(names = "--name", description = "the name shown in the admin and in revisions (default: the address)")
    String name;

    @Override
    public Integer call() {
      Role parsed = Role.ofKey(role);
      String password = readPassword(true);
      try (ThinkPress thinkPress = ThinkPress.open(user.root.config(Map.of()))) {
        Account account = thinkPress.accounts().create(email, name, parsed, password);
        spec.commandLine().getOut().printf("Created %s account %s (#%d)%n", account.role().key(), account.email(),
            account.id());
      }
      return 0;
    }
  }

  @Command(name = "password", mixinStandardHelpOptions = true,
      description = "Set an account's password (for a forgotten one). Asked at the prompt, or read from standard input.")
  static final class Password implements Callable<Integer> {
    @ParentCommand
    UserCommand user;

    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, description = "the account's address")
    String email;

    @Override
    public Integer call() {
      try (ThinkPress thinkPress = ThinkPress.open(user.root.config(Map.of()))) {
        Account account = thinkPress.accounts().findByEmail(email)
            .orElseThrow(() -> new AccountException("no account has the address " + email));
        thinkPress.accounts().setPassword(account.id(), readPassword(true));
        spec.commandLine().getOut().printf("Changed the password of %s%n", account.email());
      }
      return 0;
    }
  }

  static String readPassword(boolean confirm) {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password (at least 12 characters): ");
      char[] second = confirm ? console.readPassword("Password again: ") : first;
      if (first == null || second == null) {
        throw new AccountException("no password was given");
      }
      try {
        if (!Arrays.equals(first, second)) {
          throw new AccountException("the two passwords differ");
        }
        return new String(first);
      } finally {
        Arrays.fill(first, ' ');
        Arrays.fill(second, ' ');
      }
    }
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new AccountException("no password on standard input (give it on the first line)");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the password from standard input", e);
    }
  }
}
