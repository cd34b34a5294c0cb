# Eight partial sets, each defined over the one before it, as helper rules layer in a policy library. The last
# level tests membership in an earlier set for every element, which is linear only if set lookups are indexed.
package bench.deep_sets

level1 contains y if {
	some x in input.numbers
	y := x + 1
}

level2 contains y if {
	some x in level1
	y := x * 2
}

level3 contains x if {
	some x in level2
	x % 3 != 0
}

level4 contains [x, x % 7] if {
	some x in level3
}

level5 contains pair[0] if {
	some pair in level4
	pair[1] < 5
}

level6 contains sprintf("id-%d", [x]) if {
	some x in level5
}

level7 contains s if {
	some s in level6
	startswith(s, "id-1")
}

level8 contains count(s) if {
	some s in level6
	not s in level7
}

summary := {
	"level5": count(level5),
	"level6": count(level6),
	"level7": count(level7),
	"level8": count(level8),
}
