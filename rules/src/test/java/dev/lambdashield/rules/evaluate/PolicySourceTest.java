package dev.lambdashield.rules.evaluate;

import dev.lambdashield.rules.testutils.TestApplications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicySourceTest {

    @Test
    void directory_skipsUnitTestsKeepsData() {
        PolicySource source = PolicySource.fromDirectory(TestApplications.policies());

        assertFalse(source.modules().isEmpty());
        assertTrue(source.modules().keySet().stream().noneMatch(name -> name.endsWith("_test.rego")));
        assertTrue(source.data().keySet().stream().anyMatch(name -> name.endsWith("data/runtimes.json")));
    }

    @Test
    void jarOnClassPath_readLikeTheDeploymentJar(@TempDir Path temp) throws Exception {
        Path jar = temp.resolve("rule.jar");
        Path policies = TestApplications.policies();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(policies)) {
            // Directory entries first, as the Maven jar plugin writes them.
            out.putNextEntry(new JarEntry("policies/"));
            out.putNextEntry(new JarEntry("policies/data/"));
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry("policies/" + policies.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        PolicySource expected = PolicySource.fromDirectory(policies);

        PolicySource fromJar;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            fromJar = PolicySource.fromClasspath(loader);
        }

        assertEquals("classpath:policies", fromJar.origin());
        assertEquals(expected.modules().size(), fromJar.modules().size());
        assertEquals(expected.data().size(), fromJar.data().size());
        assertTrue(fromJar.modules().containsKey("policies/lambda_tracing_active.rego"));
    }
}
