// Package tau holds the tau-bench and tau2-bench suites: tau-retail and
// tau-airline (sierra-research/tau-bench), and tau2-retail, tau2-airline,
// tau2-telecom and tau2-mock (sierra-research/tau2-bench). An agent follows
// a written policy while a simulated customer reveals its goal turn by
// turn; the reward checks the final databases and what the agent said, as
// each reference computes it.
//
// What it reproduces, and where each reference does it:
//
//   - Tasks and policies: tau-bench's tasks_<split>.py (read as Python
//     literals, never run, or as JSON) and wiki.md as the system prompt;
//     tau2's tasks.json, split_tasks.json and the LLM agent's system prompt
//     around the domain policy (telecom: the main policy and the tech
//     support manual).
//   - The conversation loop (suite.EpisodeRunner): tau-bench's
//     ToolCallingAgent.solve and Env.step (the first tool call of a reply
//     runs, a call of transfer_to_human_agents ends the episode, 30 steps,
//     ###STOP### from the user, no reward for an episode that is not done);
//     tau2's half-duplex Orchestrator (the greeting, every orchestrator
//     step counted, 200 steps and 10 tool errors, the user's stop tokens,
//     the user's own tool calls in telecom, tasks that start from a stored
//     history). The user's tool calls go into the trajectory with requestor
//     "user".
//   - Users: the scripted oracle user (it says the instruction, plays the
//     user's gold actions on its phone in telecom, and stops), or the
//     references' LLM users (user/tauuser) when a run has a user model
//     (suite.SimulatedUsers, --user-model).
//   - Rewards: tau-bench's calculate_reward (the data equal to the gold
//     replay's, and the outputs in the agent's replies), and tau2's
//     evaluate_simulation through judge/tau2, with every component's
//     verdict kept in the trajectory; pass^k with each reference's
//     estimator (suite.PassKEstimator).
//   - Replay (toolgym replay) plays every task's oracle as the anchors'
//     replay_expected.json was made, and can dump the final databases;
//     rescore (toolgym rescore) recomputes the rewards of runs tau-bench
//     recorded.
//
// # Getting the data
//
// The data is not shipped with toolgym. Clone the references (MIT) and
// give their folders to --data:
//
//	git clone --depth 1 https://github.com/sierra-research/tau-bench
//	git clone --depth 1 https://github.com/sierra-research/tau2-bench
//	toolgym replay --suite tau-retail --data tau-bench
//	toolgym replay --suite tau2-telecom --data tau2-bench
//
// A folder laid out as toolgym's test anchors (tau-bench/<domain>/ and
// tau2/<domain>/ with tau2/user_simulator/) works too.
package tau
