package filesystem

import (
	"fmt"
	"iter"

	"github.com/toolgym/toolgym/pyval"
)

// Node is a directory entry: a *File or a *Directory.
type Node interface {
	pyval.Object
	node()
}

// Directory is a folder, as the reference's Directory class: a name, the
// folder it was created in, and its contents by name.
//
// As in the reference, Contents is an object that two directories may
// share (mv hands the moved folder's contents to the new folder, cp hands
// a shallow copy whose entries are the same objects), and Parent is the
// folder the directory was created in, which a later mv or cp does not
// update.
type Directory struct {
	Name     string
	Parent   *Directory
	Contents *Contents
}

// File is a file, as the reference's File class: a name and a content,
// normally a str (echo stores whatever value it is given, as the
// reference does).
type File struct {
	Name string
	// content is the content, or an *extended: a str loaded in the
	// long-context variant, kept in two pieces.
	content pyval.Value
}

// extended is the content of a file loaded in the long-context variant:
// the scenario's str with FILE_CONTENT_EXTENSION appended, kept as the
// two pieces (both shared, neither copied) until something needs them
// joined. Results are written from the pieces, the extension's JSON text
// made once (see suffix).
type extended struct {
	head string
	x    *suffix
}

// Content returns the file's content.
func (f *File) Content() pyval.Value {
	if e, ok := f.content.(*extended); ok {
		return e.head + e.x.text
	}
	return f.content
}

// SetContent replaces the file's content, as File._write does.
func (f *File) SetContent(v pyval.Value) { f.content = v }

// str returns the content as a str in pieces, when it is a str.
func (f *File) str() (text, bool) {
	switch c := f.content.(type) {
	case string:
		return text{head: c, boxed: f.content}, true
	case *extended:
		return text{head: c.head, x: c.x}, true
	}
	return text{}, false
}

// text is str, or the AttributeError of calling str method attr on a
// content that is not a str.
func (f *File) text(attr string) (text, error) {
	if t, ok := f.str(); ok {
		return t, nil
	}
	return text{}, noAttribute(f.content, attr)
}

// contentEqual is f.content == g.content.
func contentEqual(f, g *File) bool {
	a, aok := f.str()
	b, bok := g.str()
	if !aok || !bok {
		return pyval.Equal(f.content, g.content) // neither is an *extended
	}
	return a.equal(b)
}

func (*Directory) node() {}
func (*File) node()      {}

// Contents is a directory's contents dict: entries (*File or *Directory)
// by name, in insertion order. Names are str, kept boxed as Python values
// so that listing them allocates nothing. A directory has a few dozen
// entries at most in the reference's scenarios, found by scanning; a
// large one gets a map from name to position.
type Contents struct {
	entries []entry
	index   map[string]int // position by name; nil until needed (see indexFrom)
}

// entry is one item of Contents.
type entry struct {
	key  pyval.Value // the name, a string
	node Node
}

// indexFrom is the size past which a lookup builds Contents.index instead
// of scanning.
const indexFrom = 48

// newContents returns empty contents with room for n entries, and a few
// more for the files and folders a model adds.
func newContents(n int) *Contents {
	return &Contents{entries: make([]entry, 0, n+2+n/8)}
}

// Len returns the number of entries.
func (c *Contents) Len() int { return len(c.entries) }

// Get returns the entry named name.
func (c *Contents) Get(name string) (Node, bool) {
	if i := c.find(name); i >= 0 {
		return c.entries[i].node, true
	}
	return nil, false
}

// Has reports whether an entry is named name.
func (c *Contents) Has(name string) bool { return c.find(name) >= 0 }

// All yields the entries in order, by name.
func (c *Contents) All() iter.Seq2[string, Node] {
	return func(yield func(string, Node) bool) {
		for _, e := range c.entries {
			if !yield(e.key.(string), e.node) {
				return
			}
		}
	}
}

// Names returns the entry names in order, as a Python list of str (a new
// slice).
func (c *Contents) Names() []pyval.Value {
	names := make([]pyval.Value, len(c.entries))
	for i, e := range c.entries {
		names[i] = e.key
	}
	return names
}

// Dict returns the contents as a Python dict, name to entry (a new dict
// holding the same entries).
func (c *Contents) Dict() *pyval.Dict {
	var buf [32]pyval.Value
	kv := buf[:0]
	for _, e := range c.entries {
		kv = append(kv, e.key, e.node)
	}
	return pyval.DictOf(kv...) // sized once
}

func (c *Contents) find(name string) int {
	if c.index == nil && len(c.entries) > indexFrom {
		c.index = make(map[string]int, len(c.entries))
		for i, e := range c.entries {
			c.index[e.key.(string)] = i
		}
	}
	if c.index != nil {
		if i, ok := c.index[name]; ok {
			return i
		}
		return -1
	}
	for i, e := range c.entries {
		if e.key.(string) == name {
			return i
		}
	}
	return -1
}

// set sets the entry named by key (a str) to n, keeping its position if
// it exists and appending it otherwise.
func (c *Contents) set(key pyval.Value, n Node) {
	if i := c.find(key.(string)); i >= 0 {
		c.entries[i].node = n
		return
	}
	c.add(key, n)
}

// add appends an entry named by key (a str) that does not exist yet.
func (c *Contents) add(key pyval.Value, n Node) {
	c.entries = append(c.entries, entry{key, n})
	if c.index != nil {
		c.index[key.(string)] = len(c.entries) - 1
	}
}

// delete removes the entry named name, reporting whether it was there.
func (c *Contents) delete(name string) bool {
	i := c.find(name)
	if i < 0 {
		return false
	}
	n := len(c.entries) - 1
	copy(c.entries[i:], c.entries[i+1:])
	c.entries[n] = entry{} // hold on to nothing removed
	c.entries = c.entries[:n]
	if c.index != nil {
		if n <= indexFrom {
			c.index = nil
		} else {
			delete(c.index, name)
			for j := i; j < n; j++ {
				c.index[c.entries[j].key.(string)] = j
			}
		}
	}
	return true
}

// copy returns a shallow copy (dict.copy()): the same entries.
func (c *Contents) copy() *Contents {
	n := newContents(len(c.entries))
	n.entries = append(n.entries, c.entries...)
	return n
}

// appendRepr appends the dict's repr, each entry as its object's repr.
func (c *Contents) appendRepr(b []byte) []byte {
	b = append(b, '{')
	for i, e := range c.entries {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = pyval.AppendRepr(b, e.key)
		b = append(b, ": "...)
		b = append(b, e.node.PyRepr()...)
	}
	return append(b, '}')
}

// addFile is Directory._add_file for the name key (a str).
func (d *Directory) addFile(key pyval.Value, content pyval.Value) (*File, error) {
	name := key.(string)
	if d.Contents.Has(name) {
		return nil, pyval.ValueError(fmt.Sprintf("File '%s' already exists in directory '%s'.", name, d.Name))
	}
	f := &File{Name: name, content: content}
	d.Contents.add(key, f)
	return f, nil
}

// addDirectory is Directory._add_directory for the name key (a str),
// the new directory holding contents (new, empty ones when nil).
func (d *Directory) addDirectory(key pyval.Value, contents *Contents) (*Directory, error) {
	name := key.(string)
	if d.Contents.Has(name) {
		return nil, pyval.ValueError(fmt.Sprintf("Directory '%s' already exists in directory '%s'.", name, d.Name))
	}
	if contents == nil {
		contents = newContents(0)
	}
	nd := &Directory{Name: name, Parent: d, Contents: contents}
	d.Contents.add(key, nd)
	return nd, nil
}

// item is Directory._get_item for a name known to be a str: "." is the
// directory itself, anything else its entry (nil when absent).
func (d *Directory) item(name string) Node {
	if name == "." {
		return d
	}
	v, _ := d.Contents.Get(name)
	return v
}

// PyRepr implements pyval.Object with the reference's __repr__.
func (d *Directory) PyRepr() string {
	b := append([]byte("<Directory: "), d.Name...)
	b = append(b, ", Parent: "...)
	if d.Parent != nil {
		b = append(b, d.Parent.Name...)
	} else {
		b = append(b, "None"...)
	}
	b = append(b, ", Contents: "...)
	b = d.Contents.appendRepr(b)
	return string(append(b, '>'))
}

// PyType returns the class name, for Python's error messages.
func (d *Directory) PyType() string { return "Directory" }

// StateJSON returns the replay anchors' encoding of a directory,
// {"__dir__": name, "contents": {...}}; the parent is not part of it.
func (d *Directory) StateJSON() any {
	return pyval.DictOf("__dir__", d.Name, "contents", d.Contents.Dict())
}

// PyEqual is the reference's Directory.__eq__: the same name and equal
// contents (dict equality, entry by entry, an object always equal to
// itself as in CPython's container comparison). Structures nested beyond
// Python's recursion limit compare unequal where Python raises
// RecursionError.
func (d *Directory) PyEqual(other pyval.Value) bool {
	o, ok := other.(*Directory)
	return ok && dirEqual(d, o, 0)
}

func dirEqual(a, b *Directory, depth int) bool {
	if depth > maxDepth {
		return false
	}
	if a.Name != b.Name {
		return false
	}
	if a.Contents == b.Contents {
		return true
	}
	if a.Contents.Len() != b.Contents.Len() {
		return false
	}
	for _, e := range a.Contents.entries {
		bv, ok := b.Contents.Get(e.key.(string))
		if !ok || !itemEqual(e.node, bv, depth+1) {
			return false
		}
	}
	return true
}

func itemEqual(a, b Node, depth int) bool {
	switch x := a.(type) {
	case *Directory:
		y, ok := b.(*Directory)
		return ok && (x == y || dirEqual(x, y, depth))
	case *File:
		y, ok := b.(*File)
		return ok && (x == y || x.Name == y.Name && contentEqual(x, y))
	}
	return false
}

// PyDeepCopy implements pyval.PyDeepCopier: copy.deepcopy of the
// directory, with its parents and everything it reaches, sharing kept.
func (d *Directory) PyDeepCopy() pyval.Value { return newCopier().dir(d) }

// PyRepr implements pyval.Object with the reference's __repr__.
func (f *File) PyRepr() string {
	return "<<File: " + f.Name + ", Content: " + pyval.Str(f.Content()) + ">>"
}

// PyType returns the class name, for Python's error messages.
func (f *File) PyType() string { return "File" }

// StateJSON returns the replay anchors' encoding of a file,
// {"__file__": name, "content": content}.
func (f *File) StateJSON() any {
	return pyval.DictOf("__file__", f.Name, "content", f.Content())
}

// PyEqual is the reference's File.__eq__: the same name and content.
func (f *File) PyEqual(other pyval.Value) bool {
	o, ok := other.(*File)
	return ok && f.Name == o.Name && contentEqual(f, o)
}

// PyDeepCopy implements pyval.PyDeepCopier.
func (f *File) PyDeepCopy() pyval.Value {
	return &File{Name: f.Name, content: copyContent(f.content)}
}

// copyContent is copy.deepcopy of a file's content; an *extended, whose
// pieces are immutable, is shared.
func copyContent(v pyval.Value) pyval.Value {
	if _, ok := v.(*extended); ok {
		return v
	}
	return pyval.DeepCopy(v)
}

// copier is copy.deepcopy's memo: every object is copied once, so the
// copy shares exactly what the original shares.
type copier struct {
	dirs     map[*Directory]*Directory
	contents map[*Contents]*Contents
	files    map[*File]*File
}

func newCopier() *copier {
	return &copier{
		dirs:     map[*Directory]*Directory{},
		contents: map[*Contents]*Contents{},
		files:    map[*File]*File{},
	}
}

func (c *copier) dir(d *Directory) *Directory {
	if d == nil {
		return nil
	}
	if n, ok := c.dirs[d]; ok {
		return n
	}
	n := &Directory{Name: d.Name}
	c.dirs[d] = n
	n.Parent = c.dir(d.Parent)
	n.Contents = c.contentsOf(d.Contents)
	return n
}

func (c *copier) contentsOf(m *Contents) *Contents {
	if n, ok := c.contents[m]; ok {
		return n
	}
	// The copy keeps the names; the entries are replaced by their copies.
	n := m.copy()
	c.contents[m] = n
	for i, e := range m.entries {
		n.entries[i].node = c.item(e.node)
	}
	return n
}

func (c *copier) item(v Node) Node {
	switch x := v.(type) {
	case *Directory:
		return c.dir(x)
	case *File:
		if n, ok := c.files[x]; ok {
			return n
		}
		n := &File{Name: x.Name, content: copyContent(x.content)}
		c.files[x] = n
		return n
	}
	return v
}
