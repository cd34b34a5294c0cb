package dev.lambdashield.rego.parse;

import dev.lambdashield.rego.ast.Location;

/** A {@code #} comment: its text after the hash, and where it starts. */
record Comment(String text, Location location) {
}
