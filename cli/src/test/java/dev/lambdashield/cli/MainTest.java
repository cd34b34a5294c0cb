package dev.lambdashield.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private static final String[] COMMANDS = {"check", "test", "eval", "scan", "invoke", "conformance",
        "capabilities", "docs", "deploy-config"};

    @Test
    void helpListsEveryCommand() {
        Cli.Result result = Cli.run("--help");

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        for (String command : COMMANDS) {
            assertTrue(result.out().contains("  " + command + " "), "help lists " + command + "\n" + result.out());
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : COMMANDS) {
            Cli.Result result = Cli.run(command, "--help");

            assertEquals(ExitCode.OK, result.exitCode(), command + ": " + result.describe());
            assertTrue(result.out().startsWith("Usage: lambda-shield " + command), command + ": " + result.out());
        }
    }

    @Test
    void missingCommandIsUsageError() {
        Cli.Result result = Cli.run();

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().startsWith("lambda-shield: error: a command is required"), result.err());
    }

    @Test
    void unknownCommandIsUsageError() {
        Cli.Result result = Cli.run("frobnicate");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().contains("frobnicate"), result.err());
    }

    @Test
    void unknownOptionIsUsageError() {
        Cli.Result result = Cli.run("capabilities", "--no-such-option");

        assertEquals(ExitCode.USAGE, result.exitCode(), result.describe());
        assertTrue(result.err().startsWith("lambda-shield: error: Unknown option: '--no-such-option'"), result.err());
        assertTrue(result.err().contains("lambda-shield capabilities --help"), result.err());
    }

    @Test
    void versionPrintsName() {
        Cli.Result result = Cli.run("--version");

        assertEquals(ExitCode.OK, result.exitCode(), result.describe());
        assertTrue(result.out().startsWith("lambda-shield "), result.out());
    }
}
