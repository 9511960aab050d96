package filesystem

import (
	"fmt"

	"github.com/toolgym/toolgym/pyval"
)

// Directory is a folder, as the reference's Directory class: a name, the
// folder it was created in, and its contents by name (*File or
// *Directory, in insertion order).
//
// As in the reference, Contents is a dict object that two directories may
// share (mv hands the moved folder's dict to the new folder, cp hands a
// shallow copy whose entries are the same objects), and Parent is the
// folder the directory was created in, which a later mv or cp does not
// update.
type Directory struct {
	Name     string
	Parent   *Directory
	Contents *pyval.Dict
}

// File is a file, as the reference's File class. Content is normally a
// str; echo stores whatever value it is given, as the reference does.
type File struct {
	Name    string
	Content pyval.Value
}

func newDirectory(name string, parent *Directory) *Directory {
	return &Directory{Name: name, Parent: parent, Contents: pyval.NewDict()}
}

// addFile is Directory._add_file.
func (d *Directory) addFile(name string, content pyval.Value) (*File, error) {
	if d.Contents.Has(name) {
		return nil, pyval.ValueError(fmt.Sprintf("File '%s' already exists in directory '%s'.", name, d.Name))
	}
	f := &File{Name: name, Content: content}
	d.Contents.Set(name, f)
	return f, nil
}

// addDirectory is Directory._add_directory.
func (d *Directory) addDirectory(name string) (*Directory, error) {
	if d.Contents.Has(name) {
		return nil, pyval.ValueError(fmt.Sprintf("Directory '%s' already exists in directory '%s'.", name, d.Name))
	}
	nd := newDirectory(name, d)
	d.Contents.Set(name, nd)
	return nd, nil
}

// item is Directory._get_item for a name known to be a str: "." is the
// directory itself, anything else its entry (nil when absent).
func (d *Directory) item(name string) pyval.Value {
	if name == "." {
		return d
	}
	v, _ := d.Contents.Get(name)
	return v
}

// PyRepr implements pyval.Object with the reference's __repr__.
func (d *Directory) PyRepr() string {
	parent := "None"
	if d.Parent != nil {
		parent = d.Parent.Name
	}
	return "<Directory: " + d.Name + ", Parent: " + parent + ", Contents: " + pyval.Repr(d.Contents) + ">"
}

// PyType returns the class name, for Python's error messages.
func (d *Directory) PyType() string { return "Directory" }

// StateJSON returns the replay anchors' encoding of a directory,
// {"__dir__": name, "contents": {...}}; the parent is not part of it.
func (d *Directory) StateJSON() any {
	return pyval.DictOf("__dir__", d.Name, "contents", d.Contents)
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
	equal := true
	a.Contents.Items(func(k, av pyval.Value) bool {
		bv, ok := b.Contents.Get(k)
		if !ok {
			equal = false
			return false
		}
		equal = itemEqual(av, bv, depth+1)
		return equal
	})
	return equal
}

func itemEqual(a, b pyval.Value, depth int) bool {
	switch x := a.(type) {
	case *Directory:
		y, ok := b.(*Directory)
		return ok && (x == y || dirEqual(x, y, depth))
	case *File:
		y, ok := b.(*File)
		return ok && (x == y || x.Name == y.Name && pyval.Equal(x.Content, y.Content))
	}
	return pyval.Equal(a, b)
}

// PyDeepCopy implements pyval.PyDeepCopier: copy.deepcopy of the
// directory, with its parents and everything it reaches, sharing kept.
func (d *Directory) PyDeepCopy() pyval.Value { return newCopier().dir(d) }

// PyRepr implements pyval.Object with the reference's __repr__.
func (f *File) PyRepr() string {
	return "<<File: " + f.Name + ", Content: " + pyval.Str(f.Content) + ">>"
}

// PyType returns the class name, for Python's error messages.
func (f *File) PyType() string { return "File" }

// StateJSON returns the replay anchors' encoding of a file,
// {"__file__": name, "content": content}.
func (f *File) StateJSON() any {
	return pyval.DictOf("__file__", f.Name, "content", f.Content)
}

// PyEqual is the reference's File.__eq__: the same name and content.
func (f *File) PyEqual(other pyval.Value) bool {
	o, ok := other.(*File)
	return ok && f.Name == o.Name && pyval.Equal(f.Content, o.Content)
}

// PyDeepCopy implements pyval.PyDeepCopier.
func (f *File) PyDeepCopy() pyval.Value {
	return &File{Name: f.Name, Content: pyval.DeepCopy(f.Content)}
}

// copier is copy.deepcopy's memo: every object is copied once, so the
// copy shares exactly what the original shares.
type copier struct {
	dirs  map[*Directory]*Directory
	dicts map[*pyval.Dict]*pyval.Dict
	files map[*File]*File
}

func newCopier() *copier {
	return &copier{
		dirs:  map[*Directory]*Directory{},
		dicts: map[*pyval.Dict]*pyval.Dict{},
		files: map[*File]*File{},
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
	n.Contents = c.contents(d.Contents)
	return n
}

func (c *copier) contents(m *pyval.Dict) *pyval.Dict {
	if n, ok := c.dicts[m]; ok {
		return n
	}
	// Copy keeps keys and index; the entries are replaced by their copies.
	n := m.Copy()
	c.dicts[m] = n
	m.Items(func(k, v pyval.Value) bool {
		n.Set(k, c.item(v))
		return true
	})
	return n
}

func (c *copier) item(v pyval.Value) pyval.Value {
	switch x := v.(type) {
	case *Directory:
		return c.dir(x)
	case *File:
		if n, ok := c.files[x]; ok {
			return n
		}
		n := &File{Name: x.Name, Content: pyval.DeepCopy(x.Content)}
		c.files[x] = n
		return n
	}
	return pyval.DeepCopy(v)
}
