// Package bfcl is the BFCL multi-turn suite ("bfcl-multi-turn"): the
// base, miss_func, miss_param and long_context categories of the Berkeley
// Function Calling Leaderboard (v4), run on toolgym's Go re-implementation
// of the reference's API classes (env/bfcl) and judged as the reference's
// evaluator judges them, so that a model's accuracy here equals its
// accuracy there.
//
// What it reproduces, and where the reference does it
// (berkeley-function-call-leaderboard/bfcl_eval):
//
//   - Loading ([Load]): the question and possible-answer files, the
//     function docs of each entry's involved classes, with the docs of
//     missed functions held out until their turn (utils.py,
//     populate_test_cases_with_predefined_functions), and the Python-3
//     hint appended to the description of every function offered from the
//     start (add_language_specific_hint_to_function_doc).
//   - Tools ([ToolSpec]): function docs converted as the function-calling
//     handlers for OpenAI-compatible models convert them
//     (model_handler/utils.py convert_to_tool with GORILLA_TO_OPENAPI).
//   - The episode: no system prompt (the FC handlers add none); a held-out
//     turn says [HoldoutUserPrompt] after the held-out functions are added
//     to the tools; at most [MaxSteps] model calls per turn, the last
//     of them making calls forcing the episode to end (MAXIMUM_STEP_LIMIT
//     and force_quit in base_handler.py). A reply with a call whose
//     arguments are not a JSON object ends the turn with none of its calls
//     run, as the FC handlers' decode_execute raises and their loop breaks
//     (bfcl.Env is an agent.CallDecoder).
//   - Prompting mode ([NewPrompting], "bfcl-multi-turn-prompting"; the
//     reference's inference_multi_turn_prompting with the OpenAI-compatible
//     prompting methods): the reference's [SystemPrompt] over the entry's
//     function docs, no tools sent, calls read from the reply's text with
//     the reference's decoder ([DecodeExecutePrompting]), the reply kept
//     verbatim in the conversation, and each reply's results sent as one
//     user message ([ResultsMessagePrompting]); a held-out turn says
//     [HoldoutUserPromptPrompting]. A reply that does not decode, or
//     decodes to no calls, ends the turn. The env ([PromptingEnv]) is an
//     agent.ModelAdapter, so any agent.FunctionCalling gets this behaviour
//     on it, from the CLI too (see below). The judge decodes each reply's
//     text as the reference's evaluator does and runs the decoded call
//     strings.
//   - The judge ([Judge]): the model's calls re-executed turn by turn on a
//     fresh env, the ground truth on another, then the checks of
//     eval_runner.py and multi_turn_checker.py with the reference's
//     error_type strings, and score files in the reference's shape
//     ([WriteScoreFiles]).
//
// # Getting the data
//
// The data is not shipped with toolgym. Fetch the reference's data folder
// and its long-context constants (Apache-2.0) with a sparse clone:
//
//	git clone --depth 1 --filter=blob:none --sparse https://github.com/ShishirPatil/gorilla.git
//	git -C gorilla sparse-checkout set berkeley-function-call-leaderboard/bfcl_eval/data \
//	    berkeley-function-call-leaderboard/bfcl_eval/eval_checker/multi_turn_eval/func_source_code
//	toolgym replay --suite bfcl-multi-turn --data gorilla/berkeley-function-call-leaderboard/bfcl_eval/data
//
// A model is then run in function-calling or prompting mode with
//
//	toolgym run --suite bfcl-multi-turn --data DIR --base-url URL --model NAME
//	toolgym run --suite bfcl-multi-turn-prompting --data DIR --base-url URL --model NAME
//
// (no --tool-parser: the prompting suite's env brings the reference's
// format; the built-in oracle plays native calls only, so prompting needs
// --base-url).
//
// # Speed
//
// The whole gold replay (load, constants, replay and judge of 800
// entries) runs in about 70 ms of wall time as a process on a busy 2-core
// machine, against the reference's 1.09 s. Loading decodes the files'
// lines in parallel; envs of the same classes share one method index
// (bfcl.MethodTable); the judge compares states with bfcl.StateComparer
// before building them, and runs decoded arguments without decoding them
// again. BenchmarkReplayProcess reports entries per CPU-second, a figure
// that does not depend on -cpu.
//
// The folder given to --data must hold BFCL_v4_multi_turn_<category>.json,
// possible_answer/ and multi_turn_func_doc/ (the clone's root or its
// berkeley-function-call-leaderboard folder are accepted too). The
// long_context category also needs the reference's long-context constants:
// env/bfcl.UseData reads them from long_context.py, found in the data
// folder or where the checkout above keeps it, and from
// long_context_constants.json (the same constants as JSON, all but the
// watch-list extension, which ends with Python's Ellipsis) when present.
package bfcl
