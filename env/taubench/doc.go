// Package taubench holds what tau-bench's (v1) two domains, retail and
// airline, share: the environment (a copy-on-write database of the
// domain's JSON data, forked in microseconds), the calling convention of
// the reference's Env.step (a tool's return string is the observation, a
// Python exception inside a tool gives "Error: <str(e)>", an unknown name
// "Unknown action <name>"), the data hash of Env.get_data_hash and a fast
// comparison with the same meaning, and the calculate tool's arithmetic
// evaluator. The domains live one folder down (env/taubench/retail,
// env/taubench/airline) and describe their tools with Tool values.
package taubench
