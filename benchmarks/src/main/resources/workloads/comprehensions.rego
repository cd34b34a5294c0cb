# Array, set and object comprehensions over input.numbers, including a per-element lookup into an object built
# by another comprehension and a grouping with one inner comprehension per group.
package bench.comprehensions

squares := [x * x | some x in input.numbers]

evens := {x | some x in input.numbers; x % 2 == 0}

odd_index := {x: true | some x in input.numbers; x % 2 == 1}

paired := [x | some x in evens; odd_index[x + 1]]

by_remainder := {r: n |
	some r in numbers.range(0, 9)
	n := count([x | some x in input.numbers; x % 10 == r])
}

summary := {
	"sum": sum(squares),
	"evens": count(evens),
	"paired": count(paired),
	"buckets": by_remainder,
}
