package filesystem

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// Methods implements bfcl.Class: the reference's public methods, with
// their parameters in signature order.
func (fs *FileSystem) Methods() []bfcl.Method { return bfcl.Bound(fs, methodTable()) }

// MethodTable implements bfcl.MethodTable: the methods of Methods, for
// any instance.
func (*FileSystem) MethodTable() []bfcl.Method { return methodTable() }

// methodTable lists the methods once.
var methodTable = sync.OnceValue(func() []bfcl.Method {
	req, opt := bfcl.Req, bfcl.Opt
	m := func(name string, call func(*FileSystem, []pyval.Value) (pyval.Value, error), params ...bfcl.Param) bfcl.Method {
		return bfcl.Method{Name: name, Params: params, Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { return call(c.(*FileSystem), v) }}
	}
	return []bfcl.Method{
		m("pwd", func(fs *FileSystem, _ []pyval.Value) (pyval.Value, error) { return fs.Pwd(), nil }),
		m("ls", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Ls(v[0]), nil }, opt("a", false)),
		m("cd", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Cd(v[0]) }, req("folder")),
		m("mkdir", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Mkdir(v[0]) }, req("dir_name")),
		m("touch", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Touch(v[0]) }, req("file_name")),
		m("echo", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Echo(v[0], v[1]) }, req("content"), opt("file_name", nil)),
		m("cat", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Cat(v[0]) }, req("file_name")),
		m("find", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Find(v[0], v[1]) }, opt("path", "."), opt("name", nil)),
		m("wc", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Wc(v[0], v[1]) }, req("file_name"), opt("mode", "l")),
		m("sort", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Sort(v[0]) }, req("file_name")),
		m("grep", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Grep(v[0], v[1]) }, req("file_name"), req("pattern")),
		m("du", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Du(v[0]) }, opt("human_readable", false)),
		m("tail", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Tail(v[0], v[1]) }, req("file_name"), opt("lines", int64(10))),
		m("diff", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Diff(v[0], v[1]) }, req("file_name1"), req("file_name2")),
		m("mv", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Mv(v[0], v[1]) }, req("source"), req("destination")),
		m("rm", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Rm(v[0]) }, req("file_name")),
		m("rmdir", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Rmdir(v[0]) }, req("dir_name")),
		m("cp", func(fs *FileSystem, v []pyval.Value) (pyval.Value, error) { return fs.Cp(v[0], v[1]) }, req("source"), req("destination")),
	}
})

// Pwd is pwd(): the path from the outermost folder to the current one,
// the root's own name included ("/workspace/document" for a root named
// "workspace"; "//" for the default root "/").
func (fs *FileSystem) Pwd() pyval.Value {
	var buf [16]*Directory
	dirs := buf[:0]
	n := len(pwdHead) + 3
	for d := fs.cwd; d != nil; d = d.Parent {
		dirs = append(dirs, d)
		n += len(d.Name) + 1
	}
	b := append(make([]byte, 0, n), pwdHead...)
	for i := len(dirs) - 1; i >= 0; i-- {
		b = appendBody(append(b, '/'), dirs[i].Name)
	}
	return result(append(b, `"}`...))
}

const pwdHead = `{"current_working_directory": "`

// Ls is ls(a=False): the current directory's entries, those starting
// with "." only when a is true.
func (fs *FileSystem) Ls(a pyval.Value) pyval.Value {
	const head = `{"current_directory_content": [`
	all := pyval.Truth(a)
	entries := fs.cwd.Contents.entries
	n := len(head) + 2
	for _, e := range entries {
		n += len(e.key.(string)) + 4
	}
	b := append(make([]byte, 0, n), head...)
	first := true
	for _, e := range entries {
		name := e.key.(string)
		if !all && strings.HasPrefix(name, ".") {
			continue
		}
		if !first {
			b = append(b, ", "...)
		}
		first = false
		b = appendQuoted(b, name)
	}
	return result(append(b, "]}"...))
}

// Cd is cd(folder): one level down, "..", "." or "/".
func (fs *FileSystem) Cd(folder pyval.Value) (pyval.Value, error) {
	f, err := str(folder, "rstrip")
	if err != nil {
		return nil, err
	}
	f = strings.TrimRight(f, "/")
	if f == "" {
		f = "/"
	}
	if f != "." && f != ".." && f != "/" && strings.Contains(f, "/") {
		return errDict("cd: " + f + ": Unsupported path. Only one folder level at a time is supported."), nil
	}
	if f == ".." {
		switch {
		case fs.cwd.Parent != nil:
			fs.cwd = fs.cwd.Parent
		case fs.root.PyEqual(fs.cwd):
			return errDict("Current directory is already the root. Cannot go back."), nil
		default:
			return errDict("cd: ..: No such directory"), nil
		}
		return emptyDict, nil
	}
	target, msg := fs.navigateTo(f)
	if msg != "" {
		return errDict(msg), nil
	}
	fs.cwd = target
	return plainResult(pwdHead, target.Name), nil
}

// emptyDict is the result {}, boxed once.
var emptyDict pyval.Value = bfcl.JSONResult("{}")

// navigate is the reference's _navigate_to_directory: None and "." are
// the current directory, "/" the root, anything else a "/"-separated path
// from the current directory (or the root when it starts with "/").
func (fs *FileSystem) navigate(path pyval.Value) (*Directory, string, error) {
	if path == nil || path == "." {
		return fs.cwd, "", nil
	}
	if path == "/" {
		return fs.root, "", nil
	}
	p, err := str(path, "strip")
	if err != nil {
		return nil, "", err
	}
	d, msg := fs.navigateTo(p)
	return d, msg, nil
}

// navigateTo is navigate for a str path.
func (fs *FileSystem) navigateTo(p string) (*Directory, string) {
	switch p {
	case ".":
		return fs.cwd, ""
	case "/":
		return fs.root, ""
	}
	dir := fs.cwd
	if strings.HasPrefix(p, "/") {
		dir = fs.root
	}
	rest, more := strings.Trim(p, "/"), true
	for more {
		var name string
		name, rest, more = strings.Cut(rest, "/")
		next, ok := dir.item(name).(*Directory)
		if !ok {
			return nil, "cd: '" + p + "': No such file or directory"
		}
		dir = next
	}
	return dir, ""
}

// Mkdir is mkdir(dir_name): a new, empty directory in the current one.
func (fs *FileSystem) Mkdir(dirName pyval.Value) (pyval.Value, error) {
	ok, err := validName(dirName)
	if err != nil {
		return nil, err
	}
	if !ok {
		return errDict("mkdir: cannot create directory '" + pyval.Str(dirName) + "': Invalid character"), nil
	}
	name, _, exists, err := lookup(fs.cwd, dirName)
	if err != nil {
		return nil, err
	}
	if exists {
		return errDict("mkdir: cannot create directory '" + name + "': File exists"), nil
	}
	if _, err = newName(dirName); err != nil {
		return nil, err
	}
	if _, err := fs.cwd.addDirectory(dirName, nil); err != nil {
		return nil, err
	}
	return nil, nil
}

// Touch is touch(file_name): a new, empty file in the current directory.
func (fs *FileSystem) Touch(fileName pyval.Value) (pyval.Value, error) {
	ok, err := validName(fileName)
	if err != nil {
		return nil, err
	}
	if !ok {
		return errDict("touch: cannot touch '" + pyval.Str(fileName) + "': Invalid character"), nil
	}
	name, _, exists, err := lookup(fs.cwd, fileName)
	if err != nil {
		return nil, err
	}
	if exists {
		return errDict("touch: cannot touch '" + name + "': File exists"), nil
	}
	if _, err = newName(fileName); err != nil {
		return nil, err
	}
	if _, err := fs.cwd.addFile(fileName, ""); err != nil {
		return nil, err
	}
	return nil, nil
}

// Echo is echo(content, file_name=None): content shown, or written over
// an existing file of the current directory.
func (fs *FileSystem) Echo(content, fileName pyval.Value) (pyval.Value, error) {
	if fileName == nil {
		return terminalOutput(content), nil
	}
	ok, err := validName(fileName)
	if err != nil {
		return nil, err
	}
	if !ok {
		return errDict("echo: cannot write to '" + pyval.Str(fileName) + "': Invalid character"), nil
	}
	if !pyval.Truth(fileName) {
		return terminalOutput(content), nil
	}
	_, item, exists, err := lookup(fs.cwd, fileName)
	if err != nil {
		return nil, err
	}
	if !exists {
		return errDict("echo: cannot write to '" + pyval.Str(fileName) + "': No such file"), nil
	}
	f, ok := item.(*File)
	if !ok {
		return nil, noAttribute(item, "_write")
	}
	f.SetContent(content)
	return nil, nil
}

// terminalOutput is echo's result for content.
func terminalOutput(content pyval.Value) pyval.Value {
	if s, ok := content.(string); ok {
		return textResult(`{"terminal_output": "`, text{head: s, boxed: content})
	}
	return bfcl.RenderDict("terminal_output", content)
}

// Cat is cat(file_name): a file's content.
func (fs *FileSystem) Cat(fileName pyval.Value) (pyval.Value, error) {
	ok, err := validName(fileName)
	if err != nil {
		return nil, err
	}
	if !ok {
		return errDict("cat: '" + pyval.Str(fileName) + "': Invalid character"), nil
	}
	_, item, exists, err := lookup(fs.cwd, fileName)
	if err != nil {
		return nil, err
	}
	if !exists {
		return errDict("cat: '" + pyval.Str(fileName) + "': No such file or directory"), nil
	}
	if f, ok := item.(*File); ok {
		if t, ok := f.str(); ok {
			return textResult(`{"file_content": "`, t), nil
		}
		return bfcl.RenderDict("file_content", f.content), nil
	}
	return errDict("cat: '" + pyval.Str(fileName) + "': Is a directory"), nil
}

// Find is find(path=".", name=None): every entry below path, depth first,
// whose name contains name, as paths starting with path.
func (fs *FileSystem) Find(path, name pyval.Value) (pyval.Value, error) {
	dir, msg, err := fs.navigate(path)
	if err != nil {
		return nil, err
	}
	if msg != "" {
		return errDict(strings.Replace(msg, "cd:", "find:", 1)), nil
	}
	base, err := str(path, "rstrip")
	if err != nil {
		return nil, err
	}
	var s finder
	s.out = append(make([]byte, 0, 128), `{"matches": [`...)
	s.path = appendBody(make([]byte, 0, 64), strings.TrimRight(base, "/"))
	if name != nil {
		var ok bool
		if s.name, ok = name.(string); !ok {
			// Python's `name in item_name` raises at the first entry.
			if dir.Contents.Len() > 0 {
				_, err := substr(name, "")
				return nil, err
			}
		}
		s.filter = true
	}
	if err := s.search(dir, 0); err != nil {
		return nil, err
	}
	return result(append(s.out, "]}"...)), nil
}

// finder is find's walk: the matches' text so far, and the JSON text of
// the path of the folder being walked.
type finder struct {
	out, path []byte
	filter    bool // whether only names containing name match
	name      string
	matched   bool // whether out holds a match
}

func (s *finder) search(dir *Directory, depth int) error {
	if depth > maxDepth {
		return pyval.Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object")
	}
	for _, e := range dir.Contents.entries {
		itemName := e.key.(string)
		match := !s.filter || strings.Contains(itemName, s.name)
		sub, isDir := e.node.(*Directory)
		if !match && !isDir {
			continue // its path is not needed
		}
		n := len(s.path)
		s.path = appendBody(append(s.path, '/'), itemName)
		if match {
			if s.matched {
				s.out = append(s.out, ", "...)
			}
			s.matched = true
			s.out = append(append(append(s.out, '"'), s.path...), '"')
		}
		if isDir {
			if err := s.search(sub, depth+1); err != nil {
				return err
			}
		}
		s.path = s.path[:n]
	}
	return nil
}

// Wc is wc(file_name, mode="l"): the file's lines, words or characters.
func (fs *FileSystem) Wc(fileName, mode pyval.Value) (pyval.Value, error) {
	m, _ := mode.(string)
	if m != "l" && m != "w" && m != "c" {
		return errDict("wc: invalid mode '" + pyval.Str(mode) + "'"), nil
	}
	_, item, _, err := lookup(fs.cwd, fileName)
	if err != nil {
		return nil, err
	}
	if f, ok := item.(*File); ok {
		switch m {
		case "l":
			t, err := f.text("splitlines")
			if err != nil {
				return nil, err
			}
			return countResult(int64(t.lineCount()), "lines"), nil
		case "w":
			t, err := f.text("split")
			if err != nil {
				return nil, err
			}
			n, in := countWordsFrom(t.head, false)
			k, _ := countWordsFrom(t.tail(), in)
			return countResult(int64(n+k), "words"), nil
		default:
			if t, ok := f.str(); ok {
				// The suffix starts with an ASCII character: its code
				// points are its own.
				n := runeLen(t.head)
				if t.x != nil {
					n += t.x.runes
				}
				return countResult(int64(n), "characters"), nil
			}
			n, err := pyLen(f.content)
			if err != nil {
				return nil, err
			}
			return countResult(n, "characters"), nil
		}
	}
	return errDict("wc: " + pyval.Str(fileName) + ": No such file or directory"), nil
}

// countResult is wc's result {"count": n, "type": typ}.
func countResult(n int64, typ string) pyval.Value {
	b := make([]byte, 0, 48)
	b = strconv.AppendInt(append(b, `{"count": `...), n, 10)
	b = append(append(append(b, `, "type": "`...), typ...), `"}`...)
	return result(b)
}

// Sort is sort(file_name): the file's lines, sorted.
func (fs *FileSystem) Sort(fileName pyval.Value) (pyval.Value, error) {
	_, item, _, err := lookup(fs.cwd, fileName)
	if err != nil {
		return nil, err
	}
	if f, ok := item.(*File); ok {
		t, err := f.text("splitlines")
		if err != nil {
			return nil, err
		}
		var buf [32]span
		ls, _ := t.lines(buf[:0])
		if h := t.head; t.x == nil {
			slices.SortFunc(ls, func(a, b span) int {
				return strings.Compare(h[a.start:a.end], h[b.start:b.end])
			})
		} else {
			slices.SortFunc(ls, func(a, b span) int {
				a1, a2 := t.line(a)
				b1, b2 := t.line(b)
				return compare2(a1, a2, b1, b2)
			})
		}
		return t.joinResult(`{"sorted_content": "`, ls), nil
	}
	return errDict("sort: " + pyval.Str(fileName) + ": No such file or directory"), nil
}

// Grep is grep(file_name, pattern): the file's lines containing pattern.
func (fs *FileSystem) Grep(fileName, pattern pyval.Value) (pyval.Value, error) {
	_, item, _, err := lookup(fs.cwd, fileName)
	if err != nil {
		return nil, err
	}
	if f, ok := item.(*File); ok {
		t, err := f.text("splitlines")
		if err != nil {
			return nil, err
		}
		p, ok := pattern.(string)
		if !ok && t.len() > 0 {
			_, err := substr(pattern, "")
			return nil, err
		}
		const head = `{"matching_lines": [`
		var buf [32]span
		ls, _ := t.lines(buf[:0])
		var w writer
		for _, sp := range ls {
			if h, tl := t.line(sp); !contains2(h, tl, p) {
				continue
			}
			if w.b == nil {
				// Room for every line that is left.
				w = newWriter(len(head)+t.jsonSize()-sp.start+8, head)
			} else {
				w.lit(", ")
			}
			w.lit(`"`)
			w.b = t.appendLine(w.b, sp)
			w.lit(`"`)
		}
		if w.b == nil {
			return noMatchingLines, nil
		}
		return result(append(w.b, "]}"...)), nil
	}
	return errDict("grep: " + pyval.Str(fileName) + ": No such file or directory"), nil
}

// noMatchingLines is grep's result when no line matches, boxed once.
var noMatchingLines pyval.Value = bfcl.JSONResult(`{"matching_lines": []}`)

// Du is du(human_readable=False): the UTF-8 size of everything below the
// current directory.
func (fs *FileSystem) Du(humanReadable pyval.Value) (pyval.Value, error) {
	total, err := size(fs.cwd, 0)
	if err != nil {
		return nil, err
	}
	if !pyval.Truth(humanReadable) {
		const head = `{"disk_usage": "`
		w := newWriter(len(head)+32, head)
		w.b = strconv.AppendInt(w.b, total, 10)
		w.lit(" bytes")
		return w.done(), nil
	}
	x := float64(total)
	s := ""
	for i, unit := range []string{"B", "KB", "MB", "GB", "TB"} {
		if x < 1024 {
			s = strconv.FormatFloat(x, 'f', 2, 64) + " " + unit
			break
		}
		x /= 1024
		if i == 4 {
			s = strconv.FormatFloat(x, 'f', 2, 64) + " PB"
		}
	}
	return plainResult(`{"disk_usage": "`, s), nil
}

func size(v pyval.Value, depth int) (int64, error) {
	switch x := v.(type) {
	case *File:
		t, err := x.text("encode")
		if err != nil {
			return 0, err
		}
		return int64(t.len()), nil
	case *Directory:
		if depth > maxDepth {
			return 0, pyval.Exc("RecursionError", "maximum recursion depth exceeded")
		}
		var total int64
		for _, e := range x.Contents.entries {
			n, err := size(e.node, depth+1)
			if err != nil {
				return 0, err
			}
			total += n
		}
		return total, nil
	}
	return 0, nil
}

// Tail is tail(file_name, lines=10): the file's last lines.
func (fs *FileSystem) Tail(fileName, n pyval.Value) (pyval.Value, error) {
	_, item, _, err := lookup(fs.cwd, fileName)
	if err != nil {
		return nil, err
	}
	f, ok := item.(*File)
	if !ok {
		return errDict("tail: " + pyval.Str(fileName) + ": No such file or directory"), nil
	}
	t, err := f.text("splitlines")
	if err != nil {
		return nil, err
	}
	var buf [32]span
	spans, plain := t.lines(buf[:0])
	count := int64(len(spans))
	if c, err := pyval.Compare(n, count); err != nil {
		return nil, pyval.TypeError("'>' not supported between instances of '" + pyval.TypeName(n) + "' and 'int'")
	} else if c > 0 {
		n = count
	}
	k, kb, ok := isInt(n)
	if !ok {
		return nil, pyval.TypeError("slice indices must be integers or None or have an __index__ method")
	}
	// lines[-k:] with Python's slice clamping.
	var start int64
	switch {
	case kb != nil: // a huge k: beyond the clamp on either side
		if kb.Sign() > 0 {
			start = 0
		} else {
			start = count
		}
	case k > 0:
		start = count - k
	case k < 0:
		start = min(count, -max(k, -count))
	}
	tail := spans[start:]
	const head = `{"last_lines": "`
	if len(tail) == 0 {
		return noLastLines, nil
	}
	if plain {
		// "\n".join of lines separated by single "\n"s is the text they
		// span.
		last := tail[len(tail)-1]
		run := text{head: t.head[tail[0].start:last.end]}
		if last.ext {
			run.x = t.x
		}
		return textResult(head, run), nil
	}
	return t.joinResult(head, tail), nil
}

// noLastLines is tail's result for no lines, boxed once.
var noLastLines pyval.Value = bfcl.JSONResult(`{"last_lines": ""}`)

// Diff is diff(file_name1, file_name2): the differing lines of two files,
// paired line by line up to the shorter one.
func (fs *FileSystem) Diff(fileName1, fileName2 pyval.Value) (pyval.Value, error) {
	_, item1, ok1, err := lookup(fs.cwd, fileName1)
	if err != nil {
		return nil, err
	}
	if ok1 {
		_, item2, ok2, err := lookup(fs.cwd, fileName2)
		if err != nil {
			return nil, err
		}
		f1, isFile1 := item1.(*File)
		f2, isFile2 := item2.(*File)
		if ok2 && isFile1 && isFile2 {
			t1, err := f1.text("splitlines")
			if err != nil {
				return nil, err
			}
			t2, err := f2.text("splitlines")
			if err != nil {
				return nil, err
			}
			// "- l1\n+ l2" for each pair of lines that differ, joined by
			// "\n".
			const head = `{"diff_lines": "`
			var buf1, buf2 [32]span
			ls1, _ := t1.lines(buf1[:0])
			ls2, _ := t2.lines(buf2[:0])
			n := min(len(ls1), len(ls2))
			differ := func(k int) bool {
				a1, a2 := t1.line(ls1[k])
				b1, b2 := t2.line(ls2[k])
				return !equal2(a1, a2, b1, b2)
			}
			size := len(head) + 2
			for k := range n {
				if differ(k) {
					size += t1.lineSize(ls1[k]) + t2.lineSize(ls2[k]) + 9
				}
			}
			w := newWriter(size, head)
			first := true
			for k := range n {
				if !differ(k) {
					continue
				}
				if !first {
					w.lit(`\n`)
				}
				first = false
				w.lit("- ")
				w.b = t1.appendLine(w.b, ls1[k])
				w.lit(`\n+ `)
				w.b = t2.appendLine(w.b, ls2[k])
			}
			return w.done(), nil
		}
	}
	return errDict("diff: " + pyval.Str(fileName1) + " or " + pyval.Str(fileName2) + ": No such file or directory"), nil
}

// Mv is mv(source, destination): a rename within the current directory,
// or a move into a directory of it.
func (fs *FileSystem) Mv(source, destination pyval.Value) (pyval.Value, error) {
	return fs.move(source, destination, false)
}

// Cp is cp(source, destination): a copy within the current directory, or
// into a directory of it. A copied folder gets a new contents dict holding
// the same entries (a shallow copy, as in the reference).
func (fs *FileSystem) Cp(source, destination pyval.Value) (pyval.Value, error) {
	return fs.move(source, destination, true)
}

func (fs *FileSystem) move(source, destination pyval.Value, isCopy bool) (pyval.Value, error) {
	cmd, verb, done := "mv", "move", "moved"
	if isCopy {
		cmd, verb, done = "cp", "copy", "copied"
	}
	src, item, exists, err := lookup(fs.cwd, source)
	if err != nil {
		return nil, err
	}
	if !exists {
		return errDict(cmd + ": cannot " + verb + " '" + pyval.Str(source) + "': No such file or directory"), nil
	}
	slash, err := contains(destination, "/")
	if err != nil {
		return nil, err
	}
	if slash {
		return errDict(cmd + ": path not allowed in destination. Provide only a file or directory name."), nil
	}
	dst, destItem, destExists, err := lookup(fs.cwd, destination)
	if err != nil {
		return nil, err
	}
	target, key := fs.cwd, destination
	if !destExists {
		if _, err = newName(destination); err != nil {
			return nil, err
		}
	}
	if destExists {
		dd, ok := destItem.(*Directory)
		if !ok {
			return errDict(cmd + ": cannot " + verb + " '" + src + "' to '" + dst + "': Not a directory"), nil
		}
		clash := src
		if isCopy {
			clash = dst + "/" + src // the reference's check, which rarely matches
		}
		if dd.Contents.Has(clash) {
			return errDict(cmd + ": cannot " + verb + " '" + src + "' to '" + dst + "/" + src + "': File exists"), nil
		}
		target, key = dd, source
	}
	if !isCopy {
		fs.cwd.Contents.delete(src)
	}
	switch x := item.(type) {
	case *File:
		if _, err := target.addFile(key, x.content); err != nil {
			return nil, err
		}
	case *Directory:
		nd, err := target.addDirectory(key, x.Contents)
		if err != nil {
			return nil, err
		}
		if isCopy {
			// Copied once the new folder is in place, as the reference
			// does: a folder copied into itself holds its copy.
			nd.Contents = x.Contents.copy()
		}
	}
	w := newWriter(len(resultHead)+2*len(src)+len(dst)+24, resultHead)
	w.lit("'")
	w.text(src)
	w.lit("' ")
	w.lit(done)
	w.lit(" to '")
	w.text(dst)
	if destExists {
		w.lit("/")
		w.text(src)
	}
	w.lit("'")
	return w.done(), nil
}

const resultHead = `{"result": "`

// removed is rm's and rmdir's result for name.
func removed(name string) pyval.Value {
	w := newWriter(len(resultHead)+len(name)+16, resultHead)
	w.lit("'")
	w.text(name)
	w.lit("' removed")
	return w.done()
}

// Rm is rm(file_name): removes a file or directory of the current
// directory, empty or not.
func (fs *FileSystem) Rm(fileName pyval.Value) (pyval.Value, error) {
	name, _, exists, err := lookup(fs.cwd, fileName)
	if err != nil {
		return nil, err
	}
	if !exists {
		return errDict("rm: cannot remove '" + pyval.Str(fileName) + "': No such file or directory"), nil
	}
	fs.cwd.Contents.delete(name)
	return removed(name), nil
}

// Rmdir is rmdir(dir_name): removes an empty directory of the current
// directory.
func (fs *FileSystem) Rmdir(dirName pyval.Value) (pyval.Value, error) {
	name, item, exists, err := lookup(fs.cwd, dirName)
	if err != nil {
		return nil, err
	}
	if !exists {
		return errDict("rmdir: cannot remove '" + pyval.Str(dirName) + "': No such file or directory"), nil
	}
	d, ok := item.(*Directory)
	if !ok {
		return errDict("rmdir: cannot remove '" + name + "': Not a directory"), nil
	}
	if d.Contents.Len() > 0 {
		return errDict("rmdir: cannot remove '" + name + "': Directory not empty"), nil
	}
	fs.cwd.Contents.delete(name)
	return removed(name), nil
}
