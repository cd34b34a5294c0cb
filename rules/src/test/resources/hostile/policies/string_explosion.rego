# expect: eval_cancel_error|eval_builtin_error
# A string that doubles in every step of a long comprehension.
package hostile.string_explosion

deny contains msg if {
	parts := [s | some i in numbers.range(1, 100000000); s := sprintf("%d-%s", [i, "abcdefghijklmnop"])]
	msg := concat(",", parts)
}
