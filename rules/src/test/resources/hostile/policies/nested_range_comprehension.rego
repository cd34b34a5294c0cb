# expect: eval_cancel_error
# A comprehension over the product of two ranges of a million numbers each: 10^12 steps.
package hostile.nested_range_comprehension

deny contains msg if {
	n := count([x | some a in numbers.range(1, 1000000); some b in numbers.range(1, 1000000); x := a * b])
	msg := sprintf("%d products", [n])
}
