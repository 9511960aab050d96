// Package tauuser holds the LLM-simulated users of tau-bench (v1) and
// tau2-bench: a language model speaks for a customer who follows a hidden
// instruction, talking to the agent until it ends the conversation with a
// stop token.
//
// [TauBench] reproduces tau-bench's user strategies (envs/user.py): "llm"
// (the default), "react", "verify" and "reflection", with their system
// prompts, the opening "Hi! How can I help you today?", the message list
// each keeps, how each parses its model's output and the extra supervisor
// calls verify and reflection make. The conversation ends when the user's
// message contains "###STOP###", as Env.step decides.
//
// [Tau2] reproduces tau2-bench's UserSimulator (user/user_simulator.py):
// the system prompt made of the simulation guidelines (read at run time by
// [LoadGuidelines]) and the scenario ([ScenarioText] renders a task's
// user_scenario as str(UserScenario) does), the roles flipped so the user's
// model speaks as the assistant, the stop tokens ###STOP###, ###TRANSFER###
// and ###OUT-OF-SCOPE###, and user tools: the user's model may call tools
// on the user's own device (telecom), whose results are fed back to it
// until it answers with text. The messages of that tool loop are exposed
// by [Tau2.TurnMessages] for the shared trajectory.
//
// Both run over any [model.Model] (an OpenAI-compatible server through
// model/openai, set apart from the agent's model) and implement
// user.User. A user value holds one conversation's state: make one per
// episode. A model failure is returned wrapped (never a silent stop), and
// the user cannot continue after it.
package tauuser
