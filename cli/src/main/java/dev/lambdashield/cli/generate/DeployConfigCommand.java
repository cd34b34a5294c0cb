package dev.lambdashield.cli.generate;

import dev.lambdashield.cli.CliEnvironment;
import dev.lambdashield.cli.CliException;
import dev.lambdashield.cli.ExitCode;
import dev.lambdashield.rules.deployment.ConfigRuleTemplateGenerator;
import dev.lambdashield.rules.deployment.DeploymentConfigException;
import dev.lambdashield.rules.deployment.GeneratedSection;
import dev.lambdashield.rules.evaluate.PolicyBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Generates the AWS Config rule definitions of the deployment template from the policies' metadata. */
@Command(name = "deploy-config", mixinStandardHelpOptions = true,
        description = {"Generate the template's AWS Config rules (one per policy) and automatic remediations from "
                + "the policies' # METADATA.",
            "Prints the resources by default; --write puts them between the generated-section markers of the "
                    + "template, --check exits with 1 when the template's section differs."})
public final class DeployConfigCommand implements Callable<Integer> {

    @Option(names = "--policy-dir", paramLabel = "DIR",
            description = "The policies (default: the checkout's policies/ folder).")
    Path policyDir;

    @Option(names = "--template", paramLabel = "FILE",
            description = "The template with the generated section (default: the checkout's deploy/template.yaml).")
    Path template;

    @Option(names = "--write", description = "Replace the template's generated section.")
    boolean write;

    @Option(names = "--check", description = "Compare the template's generated section with the generated text.")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (write && check) {
            throw new CliException("give --write or --check, not both");
        }

        PolicyBundle bundle = PolicyFolder.load(policyDir);
        String generated;
        try {
            generated = new ConfigRuleTemplateGenerator().generate(bundle.policies());
        } catch (DeploymentConfigException e) {
            throw new CliException("cannot generate the Config rules: " + e.getMessage(), e);
        }

        PrintWriter out = spec.commandLine().getOut();
        if (!write && !check) {
            out.print(generated);
            out.flush();
            return ExitCode.OK;
        }

        Path file = template != null ? template : CliEnvironment.inHome("deploy/template.yaml");
        String current = read(file);
        try {
            if (check) {
                boolean same = GeneratedSection.extract(current).equals(generated);
                out.println(same ? file + ": the generated Config rules are up to date"
                        : file + ": the generated Config rules differ; run 'lambda-shield deploy-config --write'");
                out.flush();
                return same ? ExitCode.OK : ExitCode.FINDINGS;
            }
            Files.writeString(file, GeneratedSection.replace(current, generated), StandardCharsets.UTF_8);
        } catch (DeploymentConfigException e) {
            throw new CliException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(file + ": cannot write the template: " + e.getMessage(), e);
        }

        out.println("wrote the Config rules of " + bundle.policies().size() + " policies to " + file);
        out.flush();
        return ExitCode.OK;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(file + ": cannot read the template: " + e.getMessage(), e);
        }
    }
}
