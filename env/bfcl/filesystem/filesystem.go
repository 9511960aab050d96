// Package filesystem re-implements BFCL's GorillaFileSystem (the
// reference's gorilla_file_system.py): an in-memory tree of directories
// and files that a model walks and edits with shell-like commands (ls,
// cd, mkdir, touch, echo, cat, find, wc, sort, grep, du, tail, diff, mv,
// rm, rmdir, cp, pwd). Every command returns the dict the reference
// returns, key for key, and fails with the exception text CPython raises
// when a model passes arguments of the wrong type.
//
// The tree keeps the reference's object semantics, quirks included: mv
// and cp of a folder share the moved folder's contents (mv) or its
// entries (cp) with the new folder, and a folder's parent is the folder
// it was created in. State is the reference's public attributes
// (long_context, root) in the replay anchors' encoding. Timestamps
// (File._last_modified) are private and never shown, so they are not
// kept.
//
// Known differences, all off the ground truth: a name that is not a str
// (a tuple) is refused where Python would store it; recursion through a
// tree folded into a cycle (cp of a folder into itself) fails with
// CPython's RecursionError text at a fixed depth, and equality of such
// trees is false or true where CPython raises.
//
// The class registers itself as "GorillaFileSystem" with package bfcl.
package filesystem

import (
	"encoding/json"
	"fmt"
	"sync/atomic"
	"unsafe"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// ClassName is the reference's class name.
const ClassName = "GorillaFileSystem"

func init() {
	bfcl.RegisterClass(ClassName, func() bfcl.Class { return &FileSystem{} }) // unloaded: Env loads it
}

// maxDepth bounds recursion over the tree where the reference recurses
// (find, du, equality): a tree folded into a cycle by cp(a, a) makes the
// reference raise RecursionError, which toolgym reproduces instead of
// overflowing its own stack. CPython's limit is 1000 frames, a few of
// which the executor uses.
const maxDepth = 990

// FileSystem is one GorillaFileSystem instance.
type FileSystem struct {
	longContext bool
	root        *Directory
	cwd         *Directory
}

var _ bfcl.Class = (*FileSystem)(nil)

// New returns an instance loaded with the reference's default scenario: an
// empty root named "/".
func New() *FileSystem {
	fs := &FileSystem{}
	if err := fs.Load(pyval.NewDict(), false); err != nil {
		panic(err) // the empty scenario always loads
	}
	return fs
}

// Name implements bfcl.Class.
func (fs *FileSystem) Name() string { return ClassName }

// Root returns the root directory.
func (fs *FileSystem) Root() *Directory { return fs.root }

// Cwd returns the current directory.
func (fs *FileSystem) Cwd() *Directory { return fs.cwd }

// CopiesConfig implements bfcl.ConfigCopier: Load builds its own tree,
// keeping only the config's strings (immutable) and copies of anything
// else.
func (*FileSystem) CopiesConfig() {}

// Load implements bfcl.Class as the reference's _load_scenario: the tree
// under config["root"] (its single key names the root), or an empty root
// named "/". In the long-context variant every file not listed in
// FILES_TAIL_USED gets FILE_CONTENT_EXTENSION appended, and every
// directory without subdirectories gets the empty files of
// POPULATE_FILE_EXTENSION.
func (fs *FileSystem) Load(config *pyval.Dict, longContext bool) error {
	l := loader{}
	if longContext {
		lc, err := longContextData()
		if err != nil {
			return err
		}
		l.lc = lc
	}
	var root *Directory
	if rv, ok := config.Get("root"); !ok {
		root = &Directory{Name: "/", Contents: newContents(0)}
	} else {
		rd, ok := rv.(*pyval.Dict)
		if !ok {
			return fmt.Errorf("filesystem: scenario root is a %s, not a dict", pyval.TypeName(rv))
		}
		if rd.Len() == 0 {
			return pyval.IndexError("list index out of range")
		}
		var nameV, entry pyval.Value
		rd.Items(func(k, v pyval.Value) bool {
			nameV, entry = k, v
			return false // the first item only
		})
		name, ok := nameV.(string)
		if !ok {
			return fmt.Errorf("filesystem: root name %s is not a str", pyval.Repr(nameV))
		}
		contents, err := field(entry, keyContents)
		if err != nil {
			return err
		}
		root = &Directory{Name: name}
		if err := l.directory(contents, root); err != nil {
			return err
		}
	}
	fs.longContext = longContext
	fs.root = root
	fs.cwd = root
	return nil
}

// loader is _load_directory, with the long-context data when the variant
// is long-context.
type loader struct {
	lc *longContext
}

// longContext is what the long-context variant adds to a scenario, taken
// from the constants FILES_TAIL_USED, FILE_CONTENT_EXTENSION and
// POPULATE_FILE_EXTENSION.
type longContext struct {
	tailUsed  map[string]bool
	extension string
	ext       *suffix       // extension made a suffix, when contents can keep it apart
	populate  []pyval.Value // names, each a str
	// distinct is whether the populated names are all different, so
	// that only the scenario's own entries can clash with them.
	distinct bool
	// from identifies the constants these were derived from: bfcl's
	// shared renderings of them, which change (are made anew) whenever
	// the constants do. Holding them keeps their addresses unique.
	from [3]json.RawMessage
}

var lcNames = [3]string{"FILES_TAIL_USED", "FILE_CONTENT_EXTENSION", "POPULATE_FILE_EXTENSION"}

// lcCache holds the long-context data derived last.
var lcCache atomic.Pointer[longContext]

// longContextData returns the long-context data of the constants loaded
// now, derived once per set of constants.
func longContextData() (*longContext, error) {
	var from [3]json.RawMessage
	identified := true // without a rendering, nothing identifies a constant
	for i, name := range lcNames {
		b, err := bfcl.ConstantJSON(name)
		if err != nil {
			identified = false
			break
		}
		from[i] = b
	}
	if lc := lcCache.Load(); identified && lc != nil && sameRenderings(lc.from, from) {
		return lc, nil
	}
	lc, err := deriveLongContext()
	if err != nil {
		return nil, err
	}
	if identified {
		lc.from = from
		lcCache.Store(lc)
	}
	return lc, nil
}

func sameRenderings(a, b [3]json.RawMessage) bool {
	for i := range a {
		if len(a[i]) != len(b[i]) || unsafe.SliceData(a[i]) != unsafe.SliceData(b[i]) {
			return false
		}
	}
	return true
}

func deriveLongContext() (*longContext, error) {
	tail, err := bfcl.Constant("FILES_TAIL_USED")
	if err != nil {
		return nil, err
	}
	ext, err := bfcl.Constant("FILE_CONTENT_EXTENSION")
	if err != nil {
		return nil, err
	}
	pop, err := bfcl.Constant("POPULATE_FILE_EXTENSION")
	if err != nil {
		return nil, err
	}
	tl, ok1 := tail.([]pyval.Value)
	es, ok2 := ext.(string)
	pl, ok3 := pop.([]pyval.Value)
	if !ok1 || !ok2 || !ok3 {
		return nil, fmt.Errorf("filesystem: long-context constants have unexpected types")
	}
	lc := &longContext{tailUsed: make(map[string]bool, len(tl)), extension: es, ext: newSuffix(es), distinct: true}
	for _, v := range tl {
		if s, ok := v.(string); ok {
			lc.tailUsed[s] = true
		}
	}
	seen := make(map[string]bool, len(pl))
	for _, v := range pl {
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("filesystem: POPULATE_FILE_EXTENSION holds a %s", pyval.TypeName(v))
		}
		lc.distinct = lc.distinct && !seen[s]
		seen[s] = true
		lc.populate = append(lc.populate, v)
	}
	return lc, nil
}

// directory loads the scenario dict current into parent, whose Contents
// it sets.
func (l *loader) directory(current pyval.Value, parent *Directory) error {
	cur, ok := current.(*pyval.Dict)
	if !ok {
		return fmt.Errorf("filesystem: contents of %q is a %s, not a dict", parent.Name, pyval.TypeName(current))
	}
	// Room for the entries, and for the populated files when the folder
	// turns out to be innermost.
	n := cur.Len()
	if l.lc != nil && innermost(cur) {
		n += len(l.lc.populate)
	}
	parent.Contents = newContents(n)
	bottommost := true
	var err error
	cur.Items(func(k, data pyval.Value) bool {
		name, ok := k.(string)
		if !ok {
			err = fmt.Errorf("filesystem: entry name %s is not a str", pyval.Repr(k))
			return false
		}
		var typ pyval.Value
		if typ, err = field(data, keyType); err != nil {
			return false
		}
		switch typ {
		case "directory":
			bottommost = false
			nd := &Directory{Name: name, Parent: parent}
			var contents pyval.Value
			if contents, err = field(data, keyContents); err != nil {
				return false
			}
			if err = l.directory(contents, nd); err != nil {
				return false
			}
			parent.Contents.set(k, nd)
		case "file":
			var content pyval.Value
			if content, err = field(data, keyContent); err != nil {
				return false
			}
			if l.lc != nil && !l.lc.tailUsed[name] {
				s, ok := content.(string)
				if !ok {
					err = pyval.TypeError(fmt.Sprintf("unsupported operand type(s) for +=: '%s' and 'str'", pyval.TypeName(content)))
					return false
				}
				if l.lc.ext != nil {
					content = &extended{head: s, x: l.lc.ext} // joined when needed
				} else {
					content = s + l.lc.extension
				}
			} else if _, isStr := content.(string); !isStr {
				// The config is shared (CopiesConfig), and a method may
				// change a content that is not a str in place (+= on a
				// list).
				content = pyval.DeepCopy(content)
			}
			parent.Contents.set(k, &File{Name: name, content: content})
		}
		return true
	})
	if err != nil {
		return err
	}
	if bottommost && l.lc != nil {
		return l.populate(parent)
	}
	return nil
}

// innermost reports whether a scenario folder has no subfolder (entries
// it cannot read count as none: loading reports them).
func innermost(cur *pyval.Dict) bool {
	in := true
	cur.Items(func(_, data pyval.Value) bool {
		if d, ok := data.(*pyval.Dict); ok {
			if t, _ := d.Get(keyType); t == "directory" {
				in = false
			}
		}
		return in
	})
	return in
}

// populate is _populate_directory: the empty files of
// POPULATE_FILE_EXTENSION, added one by one.
func (l *loader) populate(dir *Directory) error {
	pop := l.lc.populate
	if !l.lc.distinct {
		for _, name := range pop {
			if _, err := dir.addFile(name, ""); err != nil {
				return err
			}
		}
		return nil
	}
	// The names differ from each other: only the folder's own entries can
	// clash with them.
	own := dir.Contents.Len()
	for _, name := range pop {
		s := name.(string)
		for _, e := range dir.Contents.entries[:own] {
			if e.key.(string) == s {
				return pyval.ValueError(fmt.Sprintf("File '%s' already exists in directory '%s'.", s, dir.Name))
			}
		}
	}
	files := make([]File, len(pop))
	for i, name := range pop {
		files[i] = File{Name: name.(string), content: ""}
		dir.Contents.add(name, &files[i])
	}
	return nil
}

// The keys of a scenario's entries, boxed once (a str made a Value
// anew would be allocated at each lookup).
var (
	keyType     pyval.Value = "type"
	keyContents pyval.Value = "contents"
	keyContent  pyval.Value = "content"
)

// field returns d[key] for a scenario dict, with Python's KeyError.
func field(d pyval.Value, key pyval.Value) (pyval.Value, error) {
	dd, ok := d.(*pyval.Dict)
	if !ok {
		return nil, pyval.TypeError(fmt.Sprintf("'%s' object is not subscriptable", pyval.TypeName(d)))
	}
	v, ok := dd.Get(key)
	if !ok {
		return nil, pyval.KeyError(key)
	}
	return v, nil
}

// State implements bfcl.Class: the public attributes long_context and
// root, in the order the reference sets them.
func (fs *FileSystem) State() *pyval.Dict {
	return pyval.DictOf("long_context", fs.longContext, "root", fs.root)
}

// StateEqual implements bfcl.StateComparer: the attributes State lists,
// compared without copying them.
func (fs *FileSystem) StateEqual(other bfcl.Class) bool {
	o, ok := other.(*FileSystem)
	return ok && pyval.Equal(fs.longContext, o.longContext) &&
		pyval.Equal(fs.root, o.root)
}

// Clone implements bfcl.Class: a deep copy that shares between its
// objects exactly what the original shares (copy.deepcopy semantics), so
// the clone behaves as the original would.
func (fs *FileSystem) Clone() bfcl.Class {
	c := newCopier()
	return &FileSystem{longContext: fs.longContext, root: c.dir(fs.root), cwd: c.dir(fs.cwd)}
}
