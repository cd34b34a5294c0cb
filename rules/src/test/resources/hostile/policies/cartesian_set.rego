# expect: eval_cancel_error
# A set of triples over three ranges: 10^18 candidate elements.
package hostile.cartesian_set

triples := {[a, b, c] |
	some a in numbers.range(1, 1e6)
	some b in numbers.range(1, 1e6)
	some c in numbers.range(1, 1e6)
}

deny contains "too many triples" if count(triples) > 0
