// Package judge scores a recorded episode against its task. [ReplayGold]
// runs a task's gold calls on a fresh env to learn the state each user turn
// should leave behind; [Judge] compares a [trajectory.Trajectory] with that
// replay and returns a [Verdict]: per turn, whether the env's state hash
// matches the gold's, how the calls made match the gold calls, and whether
// the required outputs were said; per episode, whether the final state
// matches (with the differing JSON paths when it does not), a success flag
// and a scalar reward. [Summarize] aggregates verdicts into the rates a
// report shows.
//
// # What passes
//
// A turn passes when every component [Options] requires holds for it: its
// state hash equals the gold's after that turn (RequireState), each of its
// gold outputs is found in its assistant text (RequireOutputs), and its
// calls match the gold exactly (RequireCalls). An episode succeeds, with
// reward 1, when its trajectory ended normally (completed or out of budget,
// never errored or canceled), it has every turn of the task, and the
// required components hold for the whole episode: the final env snapshot
// equals the gold's final snapshot, every turn's outputs were found, every
// turn's calls are exact. [DefaultOptions] requires state and outputs, as
// tau-bench does; call matching is always reported.
//
// Outputs are found as tau-bench finds them: an output must be a substring
// of one assistant message's text, both lowercased, the text with its
// commas removed. toolgym removes commas from the output too, so that
// "2,732.15" is found in "2,732.15 USD"; tau-bench leaves the output as is,
// which gives the same verdict for every output without a comma (all 70 of
// tau-bench's).
//
// # Call matching
//
// Two calls are equal when their names are equal and their arguments are
// equal as JSON values: object keys in any order, numbers compared by
// value (1, 1.0 and 1e0 are equal, exactly, without floating point), empty
// arguments equal to {}. Arguments that are not valid JSON equal nothing.
// Because this equality is an equivalence relation, every call reduces to
// a key and matching a gold call to a model call is matching keys.
//
// Within one turn, the gold is a sequence of steps (calls in a step are
// independent) and the model's calls come in a sequence of assistant
// messages (grouped by the trajectory's Message.Step). A matching pairs
// gold calls with model calls, each used at most once, such that a call
// matched to a later gold step never comes from an earlier assistant
// message than a call matched to an earlier gold step. Calls of one step
// may be spread over several messages in any order, and one message may
// serve several steps.
//
// The matcher finds a largest such matching. Seen on the grid of gold
// steps × assistant messages, the cells (step, message) that hold matched
// pairs must form a chain: a monotone staircase path from the first cell to
// the last, moving to the next message or to the next step. Along a fixed
// path the steps and messages form a path graph, on which taking as many
// matches as possible at each cell, in path order, is optimal; in
// particular a step takes calls from messages only it can use before
// calls from the message it shares with the next step. A dynamic
// programme over (step, first message of the step, calls still free in
// that message) chooses, for each step, the message where it hands over to
// the next step, maximising the total number of matched calls (ties go to
// the earliest hand-over, so the result is deterministic). Before that, the
// matcher tries the obvious: each step in turn takes the earliest equal
// calls not before the messages earlier steps used; when that matches
// every gold call it cannot be beaten and is used as is, so the common
// case costs one pass. The dynamic programme stays small for real turns
// (a few milliseconds at 40 steps over 40 messages). The unmatched
// gold calls are reported as Missing and the unmatched model calls as
// Extra, in their original order. A turn's calls are exact when every gold
// call is matched and no call is extra.
//
// # Gold calls and replay
//
// [ReplayGold] runs the gold calls on the env it is given, turn by turn and
// step by step, calls of a step in order, with ids [task.CallID](turn,
// step, i) where step is the 0-based index in Gold.Steps. A gold call that
// fails is not a Go error: some benchmarks' gold contains failing calls on
// purpose. Such calls are listed in [GoldReplay].Errors and in the
// verdict's GoldErrors.
//
// # Simulated users
//
// A task driven by a simulated user (Goal set) with a single gold turn is
// judged as one conversation: all of the trajectory's turns together are
// compared with that turn's gold, and the state after the last turn with
// the gold's. Otherwise trajectory turn i is compared with task turn i;
// task turns the trajectory lacks fail, and calls made in trajectory turns
// the task lacks make the episode's calls inexact.
package judge
