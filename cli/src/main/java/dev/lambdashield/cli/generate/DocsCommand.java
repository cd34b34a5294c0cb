package dev.lambdashield.cli.generate;

import dev.lambdashield.cli.CliEnvironment;
import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.ExitCode;
import dev.lambdashield.rules.docs.PolicyDocs;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Generates the policy documentation from the policies' metadata. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = {"Generate docs/policies/: one page per policy and an index, from the policies' # METADATA.",
            "With --check nothing is written; each difference is listed and the exit code is 1 when the docs "
                    + "are out of date."})
public final class DocsCommand implements Callable<Integer> {

    @Option(names = "--policy-dir", paramLabel = "DIR",
            description = "The policies to document (default: the checkout's policies/ folder).")
    Path policyDir;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where to write the pages (default: the checkout's docs/policies/).")
    Path output;

    @Option(names = "--check", description = "Only compare the pages in the output folder with the generated ones.")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PolicyBundle bundle = PolicyFolder.load(policyDir);
        Path directory = output != null ? output : CliEnvironment.inHome("docs/policies");
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (check) {
                List<String> differences = PolicyDocs.differences(bundle.policies(), directory);
                differences.forEach(out::println);
                out.println(differences.isEmpty() ? "the policy docs in " + directory + " are up to date"
                        : differences.size() + " files differ; run 'lambda-shield docs' to regenerate them");
                out.flush();
                return differences.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
            }
            List<String> written = PolicyDocs.write(bundle.policies(), directory);
            out.println("wrote " + written.size() + " files to " + directory + " for " + bundle.policies().size()
                    + " policies");
            out.flush();
            return ExitCode.OK;
        } catch (UncheckedIOException e) {
            throw new CliException(directory + ": " + e.getMessage(), e);
        }
    }
}
