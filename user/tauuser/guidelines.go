package tauuser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The guideline files of tau2-bench's user simulator, in its
// data/tau2/user_simulator folder.
const (
	GuidelinesFile      = "simulation_guidelines.md"
	GuidelinesToolsFile = "simulation_guidelines_tools.md"
)

// Guidelines are tau2-bench's global user simulation guidelines: one text
// for users without tools and one for users with tools.
type Guidelines struct {
	Text  string
	Tools string
}

// LoadGuidelines reads both guideline files from dir (the reference's
// data/tau2/user_simulator folder).
func LoadGuidelines(dir string) (*Guidelines, error) {
	var g Guidelines
	for _, f := range []struct {
		name string
		dst  *string
	}{{GuidelinesFile, &g.Text}, {GuidelinesToolsFile, &g.Tools}} {
		b, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			return nil, fmt.Errorf("tauuser: loading guidelines: %w", err)
		}
		*f.dst = string(b)
	}
	return &g, nil
}

// PersonaPlaceholder is the mark in a guidelines text that the runtime
// persona guidelines replace (the voice guidelines have one).
const PersonaPlaceholder = "<PERSONA_GUIDELINES>"

// Tau2SystemPrompt builds the tau2-bench user simulator's system prompt
// (UserSimulator.system_prompt) from the guidelines text (with or without
// tools), the runtime persona guidelines (PersonaConfig.to_guidelines_text;
// empty for the default persona) and the instructions (ScenarioText).
func Tau2SystemPrompt(guidelines, persona, instructions string) string {
	if persona != "" {
		persona = "\n\n" + persona + "\n"
	}
	guidelines = strings.ReplaceAll(guidelines, PersonaPlaceholder, persona)
	return guidelines + "\n\n<scenario>\n" + instructions + "\n</scenario>"
}
