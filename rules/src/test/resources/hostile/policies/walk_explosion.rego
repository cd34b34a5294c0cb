# expect: eval_cancel_error
# Walks every path of a document built from a large range, with a cross product over the paths.
package hostile.walk_explosion

doc := {sprintf("k%d", [i]): numbers.range(1, 1000) | some i in numbers.range(1, 1000)}

deny contains msg if {
	n := count([[p, q] | walk(doc, [p, _]); walk(doc, [q, _])])
	msg := sprintf("%d", [n])
}
