# Regex-heavy rules: every input string against several patterns of the kind secret scanners and ARN checks use.
package bench.regex_rules

patterns := {
	"access_key": `\b(AKIA|ASIA)[A-Z0-9]{16}\b`,
	"url_credentials": `[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@`,
	"jwt": `\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*`,
	"lambda_arn": `^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+$`,
	"role_arn": `^arn:aws:iam::\d{12}:role/`,
	"timestamp": `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$`,
}

matches contains [kind, i] if {
	some i, text in input.strings
	some kind, pattern in patterns
	regex.match(pattern, text)
}

secret_named contains i if {
	some i, text in input.strings
	regex.match(`(?i)(secret|token|pass(word)?)`, text)
}

summary := {
	"matches": count(matches),
	"secret_named": count(secret_named),
}
