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
	var buf [16]string
	names := buf[:0]
	for d := fs.cwd; d != nil; d = d.Parent {
		names = append(names, d.Name)
	}
	slices.Reverse(names)
	return bfcl.RenderDict("current_working_directory", "/"+strings.Join(names, "/"))
}

// Ls is ls(a=False): the current directory's entries, those starting
// with "." only when a is true.
func (fs *FileSystem) Ls(a pyval.Value) pyval.Value {
	keys := fs.cwd.Contents.Names()
	if !pyval.Truth(a) {
		kept := keys[:0]
		for _, k := range keys {
			if s, ok := k.(string); !ok || !strings.HasPrefix(s, ".") {
				kept = append(kept, k)
			}
		}
		keys = kept
	}
	return bfcl.RenderDict("current_directory_content", keys)
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
		return pyval.NewDict(), nil
	}
	target, msg, err := fs.navigate(f)
	if err != nil {
		return nil, err
	}
	if msg != "" {
		return errDict(msg), nil
	}
	fs.cwd = target
	return bfcl.RenderDict("current_working_directory", target.nameValue()), nil
}

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
			return nil, "cd: '" + p + "': No such file or directory", nil
		}
		dir = next
	}
	return dir, "", nil
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
		return bfcl.RenderDict("terminal_output", content), nil
	}
	ok, err := validName(fileName)
	if err != nil {
		return nil, err
	}
	if !ok {
		return errDict("echo: cannot write to '" + pyval.Str(fileName) + "': Invalid character"), nil
	}
	if !pyval.Truth(fileName) {
		return bfcl.RenderDict("terminal_output", content), nil
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
	f.Content = content
	return nil, nil
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
		return bfcl.RenderDict("file_content", f.Content), nil
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
	matches := []pyval.Value{}
	if err := search(dir, strings.TrimRight(base, "/"), name, &matches, 0); err != nil {
		return nil, err
	}
	return bfcl.RenderDict("matches", matches), nil
}

func search(dir *Directory, base string, name pyval.Value, matches *[]pyval.Value, depth int) error {
	if depth > maxDepth {
		return pyval.Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object")
	}
	for itemName, v := range dir.Contents.All() {
		match := name == nil
		if !match {
			var err error
			if match, err = substr(name, itemName); err != nil {
				return err
			}
		}
		sub, isDir := v.(*Directory)
		if !match && !isDir {
			continue // its path is not needed
		}
		p := base + "/" + itemName
		if match {
			*matches = append(*matches, p)
		}
		if isDir {
			if err := search(sub, p, name, matches, depth+1); err != nil {
				return err
			}
		}
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
			s, err := str(f.Content, "splitlines")
			if err != nil {
				return nil, err
			}
			n := 0
			for i := 0; i < len(s); n++ {
				_, i, _ = nextLine(s, i)
			}
			return bfcl.RenderDict("count", int64(n), "type", "lines"), nil
		case "w":
			s, err := str(f.Content, "split")
			if err != nil {
				return nil, err
			}
			return bfcl.RenderDict("count", int64(countWords(s)), "type", "words"), nil
		default:
			if s, ok := f.Content.(string); ok {
				return bfcl.RenderDict("count", int64(runeLen(s)), "type", "characters"), nil
			}
			n, err := pyLen(f.Content)
			if err != nil {
				return nil, err
			}
			return bfcl.RenderDict("count", n, "type", "characters"), nil
		}
	}
	return errDict("wc: " + pyval.Str(fileName) + ": No such file or directory"), nil
}

// Sort is sort(file_name): the file's lines, sorted.
func (fs *FileSystem) Sort(fileName pyval.Value) (pyval.Value, error) {
	_, item, _, err := lookup(fs.cwd, fileName)
	if err != nil {
		return nil, err
	}
	if f, ok := item.(*File); ok {
		s, err := str(f.Content, "splitlines")
		if err != nil {
			return nil, err
		}
		var buf [32]string
		ls := appendLines(buf[:0], s)
		slices.Sort(ls)
		return bfcl.RenderDict("sorted_content", strings.Join(ls, "\n")), nil
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
		s, err := str(f.Content, "splitlines")
		if err != nil {
			return nil, err
		}
		p, ok := pattern.(string)
		if !ok && s != "" {
			_, err := substr(pattern, "")
			return nil, err
		}
		matching := []pyval.Value{}
		for i := 0; i < len(s); {
			var l string
			l, i, _ = nextLine(s, i)
			if strings.Contains(l, p) {
				matching = append(matching, l)
			}
		}
		return bfcl.RenderDict("matching_lines", matching), nil
	}
	return errDict("grep: " + pyval.Str(fileName) + ": No such file or directory"), nil
}

// Du is du(human_readable=False): the UTF-8 size of everything below the
// current directory.
func (fs *FileSystem) Du(humanReadable pyval.Value) (pyval.Value, error) {
	total, err := size(fs.cwd, 0)
	if err != nil {
		return nil, err
	}
	if !pyval.Truth(humanReadable) {
		return bfcl.RenderDict("disk_usage", strconv.FormatInt(total, 10)+" bytes"), nil
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
	return bfcl.RenderDict("disk_usage", s), nil
}

func size(v pyval.Value, depth int) (int64, error) {
	switch x := v.(type) {
	case *File:
		s, err := str(x.Content, "encode")
		if err != nil {
			return 0, err
		}
		return int64(len(s)), nil
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
	s, err := str(f.Content, "splitlines")
	if err != nil {
		return nil, err
	}
	// The lines as spans of s; plain when every break is a single "\n".
	var buf [32][2]int
	spans := buf[:0]
	plain := true
	for i := 0; i < len(s); {
		line, next, nl := nextLine(s, i)
		spans = append(spans, [2]int{i, i + len(line)})
		plain = plain && (nl || next == len(s))
		i = next
	}
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
	if len(tail) == 0 {
		return bfcl.RenderDict("last_lines", ""), nil
	}
	if plain {
		// "\n".join of lines separated by single "\n"s is the text they span.
		return bfcl.RenderDict("last_lines", s[tail[0][0]:tail[len(tail)-1][1]]), nil
	}
	var b strings.Builder
	for i, sp := range tail {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s[sp[0]:sp[1]])
	}
	return bfcl.RenderDict("last_lines", b.String()), nil
}

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
			s1, err := str(f1.Content, "splitlines")
			if err != nil {
				return nil, err
			}
			s2, err := str(f2.Content, "splitlines")
			if err != nil {
				return nil, err
			}
			// The differing pairs first, then their text in one piece.
			var pairsBuf [16][2]string
			pairs := pairsBuf[:0]
			size := 0
			for i, j := 0, 0; i < len(s1) && j < len(s2); {
				var l1, l2 string
				l1, i, _ = nextLine(s1, i)
				l2, j, _ = nextLine(s2, j)
				if l1 != l2 {
					pairs = append(pairs, [2]string{l1, l2})
					size += len(l1) + len(l2) + 6
				}
			}
			var b strings.Builder
			b.Grow(size)
			for k, p := range pairs {
				if k > 0 {
					b.WriteByte('\n')
				}
				b.WriteString("- ")
				b.WriteString(p[0])
				b.WriteString("\n+ ")
				b.WriteString(p[1])
			}
			return bfcl.RenderDict("diff_lines", b.String()), nil
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
		if _, err := target.addFile(key, x.Content); err != nil {
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
	if destExists {
		return bfcl.RenderDict("result", "'"+src+"' "+done+" to '"+dst+"/"+src+"'"), nil
	}
	return bfcl.RenderDict("result", "'"+src+"' "+done+" to '"+dst+"'"), nil
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
	return bfcl.RenderDict("result", "'"+name+"' removed"), nil
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
	return bfcl.RenderDict("result", "'"+name+"' removed"), nil
}
