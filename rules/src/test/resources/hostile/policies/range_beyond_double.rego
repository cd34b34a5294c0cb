# expect: eval_cancel_error|eval_builtin_error
# A range whose upper bound does not fit a double.
package hostile.range_beyond_double

deny contains msg if {
	n := count(numbers.range(1, 1e400))
	msg := sprintf("%d", [n])
}
