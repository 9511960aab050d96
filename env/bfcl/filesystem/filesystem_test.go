package filesystem

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/bfcltest"
	"github.com/toolgym/toolgym/pyval"
)

const smallWorld = `{"root": {"home": {"type": "directory", "contents": {
	"docs": {"type": "directory", "contents": {
		"a.txt": {"type": "file", "content": "alpha\nbeta\ngamma"}}},
	"notes.txt": {"type": "file", "content": "one two three"}}}}}`

func snapshot(t *testing.T, e *bfcl.Env) string {
	t.Helper()
	b, err := e.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestErrors checks error results the ground truth never produces against
// the texts of the reference's code.
func TestErrors(t *testing.T) {
	tests := []struct{ call, want string }{
		{"cd(folder='docs/a')", `{"error": "cd: docs/a: Unsupported path. Only one folder level at a time is supported."}`},
		{"cd(folder='nowhere')", `{"error": "cd: 'nowhere': No such file or directory"}`},
		{"cd(folder='..')", `{"error": "Current directory is already the root. Cannot go back."}`},
		{"cd(folder=3)", "Error during execution: 'int' object has no attribute 'rstrip'"},
		{"mkdir(dir_name='a:b')", `{"error": "mkdir: cannot create directory 'a:b': Invalid character"}`},
		{"mkdir(dir_name='docs')", `{"error": "mkdir: cannot create directory 'docs': File exists"}`},
		{"touch(file_name=None)", "Error during execution: argument of type 'NoneType' is not iterable"},
		{"touch(file_name=['x'])", "Error during execution: unhashable type: 'list'"},
		{"echo(content='x', file_name='missing.txt')", `{"error": "echo: cannot write to 'missing.txt': No such file"}`},
		{"echo(content='x', file_name='docs')", "Error during execution: 'Directory' object has no attribute '_write'"},
		{"cat(file_name='docs')", `{"error": "cat: 'docs': Is a directory"}`},
		{"cat(file_name='missing')", `{"error": "cat: 'missing': No such file or directory"}`},
		{"find(path='missing')", `{"error": "find: 'missing': No such file or directory"}`},
		{"find(path=None)", "Error during execution: 'NoneType' object has no attribute 'rstrip'"},
		{"wc(file_name='notes.txt', mode='x')", `{"error": "wc: invalid mode 'x'"}`},
		{"wc(file_name='docs')", `{"error": "wc: docs: No such file or directory"}`},
		{"sort(file_name='missing')", `{"error": "sort: missing: No such file or directory"}`},
		{"grep(file_name='notes.txt', pattern=1)", "Error during execution: 'in <string>' requires string as left operand, not int"},
		{"tail(file_name='notes.txt', lines='2')", "Error during execution: '>' not supported between instances of 'str' and 'int'"},
		{"tail(file_name='notes.txt', lines=0.5)", "Error during execution: slice indices must be integers or None or have an __index__ method"},
		{"diff(file_name1='notes.txt', file_name2='missing')", `{"error": "diff: notes.txt or missing: No such file or directory"}`},
		{"mv(source='missing', destination='x')", `{"error": "mv: cannot move 'missing': No such file or directory"}`},
		{"mv(source='notes.txt', destination='docs/x')", `{"error": "mv: path not allowed in destination. Provide only a file or directory name."}`},
		{"mv(source='docs', destination='notes.txt')", `{"error": "mv: cannot move 'docs' to 'notes.txt': Not a directory"}`},
		{"cp(source='notes.txt', destination='docs/x')", `{"error": "cp: path not allowed in destination. Provide only a file or directory name."}`},
		{"cp(source='docs', destination='notes.txt')", `{"error": "cp: cannot copy 'docs' to 'notes.txt': Not a directory"}`},
		{"rm(file_name='missing')", `{"error": "rm: cannot remove 'missing': No such file or directory"}`},
		{"rmdir(dir_name='docs')", `{"error": "rmdir: cannot remove 'docs': Directory not empty"}`},
		{"rmdir(dir_name='notes.txt')", `{"error": "rmdir: cannot remove 'notes.txt': Not a directory"}`},
		{"cd()", "Error during execution: GorillaFileSystem.cd() missing 1 required positional argument: 'folder'"},
		// A known difference: Python would store a tuple as a name.
		{"mkdir(dir_name=('a', 'b'))", "Error during execution: toolgym: a file or directory name must be a str, not 'tuple'"},
	}
	for _, tc := range tests {
		t.Run(tc.call, func(t *testing.T) {
			e, _ := newEnv(t, json.RawMessage(smallWorld), false)
			before := snapshot(t, e)
			if got := e.Exec(tc.call); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if after := snapshot(t, e); after != before {
				t.Errorf("a failing call changed the state:\n%s\n%s", before, after)
			}
		})
	}
}

// TestCopyCollision checks the ValueError cp lets through when the copy
// already exists in the target folder.
func TestCopyCollision(t *testing.T) {
	e, _ := newEnv(t, json.RawMessage(smallWorld), false)
	e.Exec("cd(folder='docs')")
	e.Exec("mkdir(dir_name='sub')")
	if got, want := e.Exec("cp(source='a.txt', destination='sub')"), `{"result": "'a.txt' copied to 'sub/a.txt'"}`; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	if got, want := e.Exec("cp(source='a.txt', destination='sub')"), "Error during execution: File 'a.txt' already exists in directory 'sub'."; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

// TestFork checks that a fork is independent of its original, and that
// it keeps the sharing the reference's objects have: a folder copied with
// cp shares its files with the original folder.
func TestFork(t *testing.T) {
	e, _ := newEnv(t, json.RawMessage(smallWorld), false)
	e.Exec("cp(source='docs', destination='docs2')")
	before := snapshot(t, e)

	f := e.Fork().(*bfcl.Env)
	if got := snapshot(t, f); got != before {
		t.Fatalf("fork state differs:\n%s\n%s", got, before)
	}
	f.Exec("cd(folder='docs2')")
	f.Exec("echo(content='changed', file_name='a.txt')")
	f.Exec("cd(folder='..')")
	f.Exec("mkdir(dir_name='new')")
	f.Exec("rm(file_name='notes.txt')")

	if got := snapshot(t, e); got != before {
		t.Errorf("changing the fork changed the original:\n%s\n%s", got, before)
	}
	if got := e.Exec("pwd()"); got != `{"current_working_directory": "/home"}` {
		t.Errorf("original's cwd moved: %s", got)
	}
	// In the fork, docs/a.txt is the same File object as docs2/a.txt.
	f.Exec("cd(folder='docs')")
	if got, want := f.Exec("cat(file_name='a.txt')"), `{"file_content": "changed"}`; got != want {
		t.Errorf("fork lost the sharing between docs and docs2: got %s, want %s", got, want)
	}
	e.Exec("cd(folder='docs')")
	if got, want := e.Exec("cat(file_name='a.txt')"), `{"file_content": "alpha\nbeta\ngamma"}`; got != want {
		t.Errorf("original changed: got %s, want %s", got, want)
	}
}

// TestObjects checks the Directory and File objects' Python behaviour:
// repr, equality and deep copy.
func TestObjects(t *testing.T) {
	_, fs := newEnv(t, json.RawMessage(smallWorld), false)
	root := fs.Root()
	docs, _ := root.Contents.Get("docs")
	d := docs.(*Directory)
	if got, want := d.PyRepr(), "<Directory: docs, Parent: home, Contents: {'a.txt': <<File: a.txt, Content: alpha\nbeta\ngamma>>}>"; got != want {
		t.Errorf("repr:\n got %q\nwant %q", got, want)
	}
	c := d.PyDeepCopy().(*Directory)
	if !d.PyEqual(c) || !pyval.Equal(d, c) {
		t.Error("a deep copy is not equal to its original")
	}
	if c.Parent == d.Parent || c.Parent.Name != "home" {
		t.Error("deep copy did not copy the parent")
	}
	a, _ := c.Contents.Get("a.txt")
	a.(*File).SetContent("other")
	if d.PyEqual(c) {
		t.Error("directories with different file contents compare equal")
	}
	if d.PyEqual(root) || d.PyEqual("docs") {
		t.Error("unequal objects compare equal")
	}
	if got, want := fs.State().Len(), 2; got != want {
		t.Errorf("state has %d attributes, want %d", got, want)
	}
}

// TestCycle checks that a tree folded into a cycle (cp of a folder into
// itself) gives the reference's RecursionError texts, and no Go stack
// overflow, in find, du and the state snapshot.
func TestCycle(t *testing.T) {
	e, fs := newEnv(t, json.RawMessage(smallWorld), false)
	e.Exec("cp(source='docs', destination='docs')")
	if got, want := e.Exec("find()"), "Error during execution: maximum recursion depth exceeded while calling a Python object"; got != want {
		t.Errorf("find: got %s, want %s", got, want)
	}
	if got, want := e.Exec("du()"), "Error during execution: maximum recursion depth exceeded"; got != want {
		t.Errorf("du: got %s, want %s", got, want)
	}
	if _, err := e.Snapshot(); err == nil || !strings.Contains(err.Error(), "recursion") {
		t.Errorf("snapshot of a cyclic tree: %v", err)
	}
	if !fs.Root().PyEqual(fs.Root()) {
		t.Error("a cyclic tree is not equal to itself")
	}
	f := e.Fork().(*bfcl.Env)
	f.Exec("rm(file_name='docs')")
	if got := e.Exec("ls()"); !strings.Contains(got, "docs") {
		t.Errorf("forking a cyclic tree shared it: %s", got)
	}
}

// TestLoadErrors checks scenarios the reference cannot load.
func TestLoadErrors(t *testing.T) {
	for _, cfg := range []string{
		`{"root": {}}`,
		`{"root": 5}`,
		`{"root": {"r": {"type": "directory"}}}`,
		`{"root": {"r": {"type": "directory", "contents": {"f": {"type": "file"}}}}}`,
		`{"root": {"r": {"type": "directory", "contents": {"d": {"contents": {}}}}}}`,
	} {
		v, err := pyval.FromJSON([]byte(cfg))
		if err != nil {
			t.Fatal(err)
		}
		if err := New().Load(v.(*pyval.Dict), false); err == nil {
			t.Errorf("%s loaded", cfg)
		}
	}
}

// TestLongContextConstants checks that a long-context scenario follows the
// constants loaded when it is built, not those an earlier one used.
func TestLongContextConstants(t *testing.T) {
	bfcltest.AnchorDir(t)
	const world = `{"root": {"r": {"type": "directory", "contents": {"a.txt": {"type": "file", "content": "A"}}}}}`
	ls := func() string {
		t.Helper()
		e, _ := newEnv(t, json.RawMessage(world), true)
		return e.Exec("ls()") + e.Exec("cat(file_name='a.txt')")
	}
	names := []string{"POPULATE_FILE_EXTENSION", "FILE_CONTENT_EXTENSION"}
	for _, name := range names {
		orig, err := bfcl.Constant(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { bfcl.SetConstant(name, orig) })
	}
	before := ls()
	if !strings.Contains(before, "image_") {
		t.Fatalf("no populated files: %s", before)
	}
	bfcl.SetConstant("POPULATE_FILE_EXTENSION", []pyval.Value{"x.jpg", "y.jpg"})
	bfcl.SetConstant("FILE_CONTENT_EXTENSION", " and more")
	want := `{"current_directory_content": ["a.txt", "x.jpg", "y.jpg"]}{"file_content": "A and more"}`
	if got := ls(); got != want {
		t.Errorf("after changing the constants:\n got %s\nwant %s", got, want)
	}
}
