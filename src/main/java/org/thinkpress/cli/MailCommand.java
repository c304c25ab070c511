package org.thinkpress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.thinkpress.newsletter.DkimKeys;
import org.thinkpress.subscribers.EmailAddresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thinkpress mail dkim-key}: a DKIM key pair and the DNS record to publish. */
@Command(name = "mail", mixinStandardHelpOptions = true, description = "Mail set-up.",
    subcommands = {MailCommand.DkimKey.class})
final class MailCommand {

  @Command(name = "dkim-key", mixinStandardHelpOptions = true,
      description = {"Generate an RSA 2048-bit DKIM key: the private key goes to a file readable by its owner only,",
          "and the DNS TXT record to publish is printed. Then set mail.dkim.domain, mail.dkim.selector and",
          "mail.dkim.key-file."})
  static final class DkimKey implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--domain", required = true, description = "the domain mail comes from (the d= of signatures)")
    String domain;

    @Option(names = "--selector", description = "the selector (default: tp + this year and month)")
    String selector;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the private key (must not exist)")
    Path out;

    @Override
    public Integer call() throws IOException {
      if (!EmailAddresses.isValid("x@" + domain)) {
        throw new InvalidOptionException("--domain", "--domain '" + domain + "' is not a domain such as institute.example");
      }
      String chosen = selector != null ? selector
          : "tp" + java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString().replace("-", "");
      if (!chosen.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")) {
        throw new InvalidOptionException("--selector", "--selector '" + chosen + "' must be letters, digits and dashes");
      }
      if (Files.exists(out)) {
        throw new ExistingFileException(out, "choose a new file so that no key is overwritten");
      }
      DkimKeys.Generated key = DkimKeys.generate();
      try {
        Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(out);
      }
      Files.writeString(out, key.privateKeyPem(), StandardCharsets.US_ASCII);
      String domainName = EmailAddresses.normalize("x@" + domain).substring(2);
      PrintWriter print = spec.commandLine().getOut();
      print.println("Private key written to " + out + " (keep it secret; only its owner can read it).");
      print.println();
      print.println("Publish this DNS TXT record:");
      print.println("  name:  " + chosen + "._domainkey." + domainName);
      print.println("  value: " + key.txtValue());
      print.println();
      print.println("As a zone file line:");
      print.println("  " + key.dnsRecord(chosen, domainName));
      print.println();
      print.println("Then configure:");
      print.println("  mail.dkim.domain=" + domainName);
      print.println("  mail.dkim.selector=" + chosen);
      print.println("  mail.dkim.key-file=" + out.toAbsolutePath());
      return 0;
    }
  }
}
