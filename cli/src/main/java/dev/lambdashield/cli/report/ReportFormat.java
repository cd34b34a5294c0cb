package dev.lambdashield.cli.report;

/** The output formats of {@code scan --format}. */
public enum ReportFormat {
    /** A compliance table and a summary line, for terminals. */
    TABLE,
    /** The full result as one JSON document. */
    JSON,
    /** AWS Security Finding Format findings, as Security Hub's BatchImportFindings takes them. */
    ASFF,
    /** SARIF 2.1.0, for code-scanning dashboards. */
    SARIF,
    /** One self-contained HTML page with a chart and a filterable table. */
    HTML
}
