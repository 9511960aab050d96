// Package tau2judge scores tau2-bench simulations exactly as the reference
// harness (sierra-research/tau2-bench, src/tau2/evaluator) does, over the
// domain environments of env/tau2.
//
// It holds the reference's task model ([Task], decoded from tasks.json
// with the reference's defaults and checks; [Splits] from
// split_tasks.json), its trajectory messages ([Message], [ToolCall],
// [SimulationRun], [Results], so that a run the reference recorded can be
// rescored), the set-up of an environment from a task's initial state
// ([ApplyInitialState], [SetState]), the oracle trajectory of the anchors
// ([Oracle]) and the evaluator ([Evaluator.Evaluate]), whose verdict is a
// [RewardInfo] that marshals as the reference's.
//
// # How a simulation is scored
//
// A simulation that did not end with an agent or user stop gets reward 0
// and no checks. Otherwise, with the All evaluation type (the reference
// runner's), five components are computed and those named in the task's
// reward_basis multiply into the reward:
//
//   - DB: a fresh environment is put into the task's initial state and
//     every mutating tool call of the trajectory is replayed on it (the
//     predicted environment); another fresh environment gets the initial
//     state, the task's message history and the gold actions (the gold
//     environment). The component is 1 when both the agent's and the
//     user's databases are equal.
//   - ENV_ASSERTION: each env assertion runs on the predicted environment;
//     1 when all hold.
//   - COMMUNICATE: each communicate_info string must occur, lowercased, in
//     one assistant message lowercased with its commas removed.
//   - ACTION: each gold action must match some tool call of the
//     trajectory (by name and the arguments compare_args names).
//   - NL_ASSERTION: a judge model reads the conversation and says whether
//     each assertion holds; it is asked only when NL_ASSERTION is in the
//     basis. Without a judge the component is reported in
//     RewardInfo.NotEvaluated, never as passed.
//
// The replay is strict, as in the reference's runner: a replayed call
// whose result differs from the recorded one is an error, as are
// trajectories whose tool messages do not follow their calls; set
// [Evaluator.Lenient] to re-grade old trajectories as the reference's
// evaluate_trajectories script does. Every error of Evaluate is a case in
// which the reference raises, which its runner records, after retries, as
// an infrastructure error.
//
// The gold environment gets the gold actions without the state
// synchronisation the reference's get_response does after each call (its
// make_tool_call does none), which matters in telecom: an environment that
// implements [UnsyncedCaller] lets the evaluator reproduce that, and the
// DB check then equals the reference's; without it the DB check of a
// telecom task may differ (for 71 of the 114 base tasks' oracles the
// reference reports a DB mismatch). Telecom's reward basis is
// ENV_ASSERTION alone, so rewards agree either way.
//
// Solo mode and full-duplex (tick) trajectories are not supported.
package tau2judge
