# expect: eval_cancel_error|eval_builtin_error
# One built-in call asked to build a billion-element array.
package hostile.huge_range_sum

deny contains msg if {
	total := sum(numbers.range(1, 1000000000))
	msg := sprintf("total %d", [total])
}
