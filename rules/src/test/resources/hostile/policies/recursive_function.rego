# expect: rego_recursion_error
# A function that calls itself.
package hostile.recursive_function

f(x) := y if {
	y := f(x + 1)
}

deny contains msg if {
	msg := f(1)
}
