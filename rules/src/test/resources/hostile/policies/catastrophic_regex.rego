# expect: eval_cancel_error|none
# A pattern with nested quantifiers against a string it cannot match: exponential for a backtracking regex
# engine, linear for RE2-style engines such as OPA's.
package hostile.catastrophic_regex

subject := concat("", [s | some i in numbers.range(1, 64); s := "a"])

deny contains "matched" if regex.match(`^(a+)+$`, sprintf("%s!", [subject]))
