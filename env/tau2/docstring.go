package tau2

import (
	"regexp"
	"strings"
)

// Docstring is what the reference's Tool.parse_data takes from a tool's
// docstring through docstring_parser's Google style: the short and long
// descriptions and each documented argument's description.
type Docstring struct {
	Short, Long string
	// Params maps an argument name to its description.
	Params map[string]string
}

// Description is Tool._get_description: the short description, followed
// by a blank line and the long description when there is one.
func (d Docstring) Description() string {
	if d.Long == "" {
		return d.Short
	}
	return d.Short + "\n\n" + d.Long
}

// googleSections are docstring_parser's Google section titles, and
// whether each holds several items (Args, Raises) or a single text.
var googleSections = map[string]bool{
	"Arguments": true, "Args": true, "Parameters": true, "Params": true,
	"Raises": true, "Exceptions": true, "Except": true, "Attributes": true,
	"Example": false, "Examples": false, "Returns": false, "Yields": false,
}

var titleRe = regexp.MustCompile(`(?m)^(Arguments|Args|Parameters|Params|Raises|Exceptions|Except|Attributes|Example|Examples|Returns|Yields):[ \t\r\f\v]*$`)

// paramSections are the sections whose items are parameters.
var paramSections = map[string]bool{
	"Arguments": true, "Args": true, "Parameters": true, "Params": true,
}

var typedArgRe = regexp.MustCompile(`^\s*(.+?)\s*\(\s*(.*[^\s]+)\s*\)`)

// ParseDocstring parses a docstring (the function's __doc__, indentation
// and all) as docstring_parser's Google style does, for the parts that
// make a tool's schema.
func ParseDocstring(doc string) Docstring {
	ret := Docstring{Params: map[string]string{}}
	text := CleanDoc(doc)
	if text == "" {
		return ret
	}
	descChunk, metaChunk := text, ""
	if loc := titleRe.FindStringIndex(text); loc != nil {
		descChunk, metaChunk = text[:loc[0]], text[loc[0]:]
	}
	short, long, found := strings.Cut(descChunk, "\n")
	ret.Short = short
	if found {
		ret.Long = strings.TrimSpace(long)
	}
	matches := titleRe.FindAllStringSubmatchIndex(metaChunk, -1)
	for j, m := range matches {
		end := len(metaChunk)
		if j+1 < len(matches) {
			end = matches[j+1][0]
		}
		title := metaChunk[m[2]:m[3]]
		chunk := strings.Trim(metaChunk[m[1]:end], "\n")
		if !paramSections[title] || !googleSections[title] {
			continue
		}
		indent := leadingSpace(chunk)
		if indent == "" {
			continue
		}
		// Items start on lines with exactly that indent.
		lines := strings.SplitAfter(chunk, "\n")
		var items []string
		for _, ln := range lines {
			if strings.HasPrefix(ln, indent) && len(ln) > len(indent) && !isSpaceByte(ln[len(indent)]) {
				items = append(items, ln[len(indent):])
				continue
			}
			if len(items) > 0 {
				items[len(items)-1] += ln
			}
		}
		for _, it := range items {
			it = strings.Trim(it, "\n")
			before, desc, ok := strings.Cut(it, ":")
			if !ok {
				continue
			}
			if desc != "" && desc[0] == ' ' {
				desc = desc[1:]
			}
			if first, rest, ok := strings.Cut(desc, "\n"); ok {
				desc = first + "\n" + CleanDoc(rest)
			}
			desc = strings.Trim(desc, "\n")
			name := before
			if m := typedArgRe.FindStringSubmatch(before); m != nil {
				name = m[1]
			}
			ret.Params[name] = desc
		}
	}
	return ret
}

func leadingSpace(s string) string {
	i := 0
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	return s[:i]
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// CleanDoc is Python's inspect.cleandoc: tabs expanded, the first line's
// leading whitespace removed, the other lines' common indentation removed,
// and leading and trailing blank lines dropped.
func CleanDoc(doc string) string {
	lines := strings.Split(expandTabs(doc), "\n")
	margin := -1
	for _, ln := range lines[1:] {
		content := len(strings.TrimLeft(ln, " \t\n\r\f\v"))
		if content > 0 {
			indent := len(ln) - content
			if margin < 0 || indent < margin {
				margin = indent
			}
		}
	}
	lines[0] = strings.TrimLeft(lines[0], " \t\n\r\f\v")
	if margin >= 0 {
		for i := 1; i < len(lines); i++ {
			if len(lines[i]) >= margin {
				lines[i] = lines[i][margin:]
			} else {
				lines[i] = ""
			}
		}
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	return strings.Join(lines, "\n")
}

func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// FieldTitle is the title pydantic gives a field in a JSON schema:
// str.title() of the name with underscores as spaces ("order_id" ->
// "Order Id", "address1" -> "Address1").
func FieldTitle(name string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range name {
		if r == '_' {
			b.WriteByte(' ')
			prevCased = false
			continue
		}
		cased := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		switch {
		case cased && !prevCased:
			b.WriteString(strings.ToUpper(string(r)))
		case cased:
			b.WriteString(strings.ToLower(string(r)))
		default:
			b.WriteRune(r)
		}
		prevCased = cased
	}
	return b.String()
}
