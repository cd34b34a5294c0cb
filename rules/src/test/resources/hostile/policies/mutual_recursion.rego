# expect: rego_recursion_error
# Two rules that depend on each other.
package hostile.mutual_recursion

a if b

b if a

deny contains "loop" if a
