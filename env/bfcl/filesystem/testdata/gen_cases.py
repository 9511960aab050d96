"""Generates cases.json: call sequences run through the reference
GorillaFileSystem (gorilla_file_system.py) with the reference executor's
result rendering, and the state after every call in the replay anchors'
encoding. Not run by the tests; rerun by hand when the cases change:

    python3 testdata/gen_cases.py /path/to/func_source_code /path/to/anchors > testdata/cases.json
"""
import json
import sys
import types

src, anchors = sys.argv[1], sys.argv[2]
consts = json.load(open(anchors + "/long_context_constants.json"))
pkg = "bfcl_eval.eval_checker.multi_turn_eval.func_source_code"
parts = pkg.split(".")
for i in range(len(parts)):
    m = types.ModuleType(".".join(parts[: i + 1]))
    m.__path__ = []
    sys.modules[m.__name__] = m
lc = types.ModuleType(pkg + ".long_context")
for k, v in consts.items():
    setattr(lc, k, v)
sys.modules[lc.__name__] = lc
sys.path.insert(0, src)
import gorilla_file_system as gfs  # noqa: E402


def encode(v):
    if isinstance(v, gfs.Directory):
        return {"__dir__": v.name, "contents": {k: encode(x) for k, x in v.contents.items()}}
    if isinstance(v, gfs.File):
        return {"__file__": v.name, "content": v.content}
    return v


def state(fs):
    try:
        return json.dumps({k: encode(v) for k, v in vars(fs).items() if not k.startswith("_")}, ensure_ascii=False)
    except RecursionError:
        return None


def run(fs, call):
    try:
        r = eval("fs." + call, {"fs": fs})
        if type(r) == str:
            return r
        if type(r) == dict:
            try:
                return json.dumps(r)
            except Exception:
                return str(r)
        return str(r)
    except Exception as e:
        return "Error during execution: " + str(e)


def tree(**entries):
    return {"type": "directory", "contents": entries}


def file(content):
    return {"type": "file", "content": content}


WORLD = {"root": {"alex": tree(
    docs=tree(**{"a.txt": file("line1\nline2\nline3"), "b.txt": file("line1\nlineX\nline3\nextra\n")}),
    **{".hidden": file("secret"),
       "notes.md": file("Hello world\r\nfoo\x1cbar\u2028baz  qux\t\x1f z\n\nlast \u00e9t\u00e9 \U0001F600"),
       "empty": tree()},
)}}

LONG = {"root": {"w": tree(
    **{"log.txt": file("kept as is"), "other.txt": file("extended"),
       "sub": tree(**{"report.txt": file("r"), "x.py": file("x")})},
)}}

CASES = [
    ("default", {}, False, [
        "pwd()", "ls()", "cd('..')", "cd('/')", "cd('.')", "mkdir('d')", "cd('d')", "pwd()", "cd('..')",
        "cd('..')", "du()", "find()", "find('/')",
    ]),
    ("navigation", WORLD, False, [
        "pwd()", "ls()", "ls(a=True)", "ls(a=1)", "ls(a='')", "ls(True)", "cd(folder='docs')", "pwd()",
        "cd('..')", "cd(folder='..')", "cd(folder='/')", "cd('docs/')", "cd('../')", "cd('a/b')",
        "cd('nonexist')", "cd('notes.md')", "cd(folder=5)", "cd(folder=None)", "cd('.')", "cd('//')",
        "cd('/docs')", "cd('docs')", "cd('./')", "pwd()", "cd()", "cd('a', 'b')", "cd(fold='x')",
        "ls(a=False, b=1)", "pwd(1)",
    ]),
    ("create", WORLD, False, [
        "mkdir('new')", "mkdir('new')", "mkdir('a/b')", "mkdir('x|y')", "mkdir(5)", "mkdir(None)",
        "mkdir(['/'])", "mkdir(['a'])", "mkdir({'a': 1})", "mkdir('')", "ls()", "mkdir(dir_name='.')",
        "ls()", "cd('.')", "rmdir('.')", "rm('.')", "ls()", "touch('f.txt')", "touch('f.txt')",
        "touch('bad*')", "touch(3.5)", "touch(['x'])", "touch('new')", "mkdir('f.txt')", "ls()",
    ]),
    ("echo_cat", WORLD, False, [
        "echo('hi')", "echo(content='hi', file_name=None)", "touch('f.txt')", "echo('hi', 'f.txt')",
        "cat('f.txt')", "echo('hi', 'nofile')", "echo('hi', '')", "echo('hi', 'bad?')", "echo('hi', 5)",
        "echo(5, 'f.txt')", "cat('f.txt')", "wc('f.txt')", "wc('f.txt', 'c')", "wc('f.txt', 'w')",
        "du()", "echo(['a', 'b'], 'f.txt')", "wc('f.txt', 'c')", "wc('f.txt', 'w')", "sort('f.txt')",
        "grep('f.txt', 'a')", "tail('f.txt')", "diff('f.txt', 'notes.md')", "echo('x', 'docs')",
        "echo('x', [])", "echo(content={'k': 1}, file_name='f.txt')", "cat('f.txt')", "wc('f.txt', 'c')",
        "echo(None, 'f.txt')", "cat('f.txt')", "echo('\u00e9\u00e9', 'f.txt')", "du()", "du(True)",
        "cat('docs')", "cat('nope')", "cat('a:b')", "cat(1)", "cat([1])", "cat(['a'])", "cat(['/'])",
        "echo('a\\nb', file_name='f.txt')", "cat('f.txt')", "echo()",
    ]),
    ("find", WORLD, False, [
        "find()", "find('.')", "find('/')", "find('docs')", "find('docs/')", "find('/docs')",
        "find('/alex')", "find('nope')", "find('..')", "find(path='.', name='txt')", "find(name='a')",
        "find(name=5)", "find(path=None)", "find(path=5)", "find('//')", "find(path='docs', name='')",
        "find('empty', 5)", "find('./docs')", "find('docs/./')", "cd('docs')", "find()", "find('/')",
        "find(name='line')",
    ]),
    ("text", WORLD, False, [
        "wc('notes.md')", "wc('notes.md', 'w')", "wc('notes.md', 'c')", "wc('notes.md', 'x')",
        "wc('notes.md', mode=None)", "wc('docs')", "wc('nope')", "wc([1])", "wc(5)", "wc('notes.md', 1)",
        "sort('notes.md')", "sort('docs')", "sort('nope')", "sort([1])", "sort(None)",
        "grep('notes.md', 'foo')", "grep('notes.md', 5)", "grep('nope', 'x')", "grep('docs', 'x')",
        "grep('notes.md', '')", "grep(file_name='notes.md', pattern=' ')", "du()", "du(human_readable=True)",
        "du(human_readable='yes')", "du(0)", "tail('notes.md')", "tail('notes.md', 2)", "tail('notes.md', 0)",
        "tail('notes.md', -2)", "tail('notes.md', 100)", "tail('notes.md', 2.0)", "tail('notes.md', 100.0)",
        "tail('notes.md', '3')", "tail('notes.md', None)", "tail('notes.md', True)",
        "tail('notes.md', -100)", "tail('notes.md', 1000000000000000000000000000000)", "tail('notes.md', -1000000000000000000000000000000)", "tail('docs')",
        "tail('nope')", "tail([1])", "cd('docs')", "diff('a.txt', 'b.txt')", "diff('b.txt', 'a.txt')",
        "diff('a.txt', 'nope')", "diff('nope', [1])", "diff('a.txt', [1])", "diff('a.txt', 'a.txt')",
        "diff(file_name1='a.txt', file_name2='..')", "wc('b.txt')", "wc('b.txt', 'w')", "wc('b.txt', 'c')",
        "tail('b.txt', 1)", "sort('b.txt')",
    ]),
    ("move", WORLD, False, [
        "cd('docs')", "mv('a.txt', 'c.txt')", "mv('nope', 'x')", "mv('c.txt', 'sub/x')", "mv('c.txt', 5)",
        "mv('c.txt', ['x'])", "mv([1], 'x')", "mv('b.txt', 'c.txt')", "mkdir('sub')", "mv('c.txt', 'sub')",
        "ls()", "mv('b.txt', 'sub')", "touch('c.txt')", "touch('b.txt')", "mv('c.txt', 'sub')",
        "mv('sub', 'sub2')", "ls()", "cd('sub2')", "ls()", "pwd()", "cd('..')", "pwd()", "cd('..')",
        "mkdir('p')", "cd('p')", "mkdir('q')", "cd('q')", "touch('z')", "cd('..')", "cd('..')",
        "mkdir('dest')", "mv('p', 'dest')", "cd('dest')", "ls()", "cd('p')", "cd('q')", "pwd()",
        "cd('..')", "pwd()", "ls()", "cd('..')", "pwd()", "ls()", "cd('/')", "mv('notes.md', '')", "ls()",
        "mv(source='', destination='n2.md')", "ls()", "mv('empty', 'empty')", "ls()", "find()",
        "mv('n2.md', 'n2.md')", "mv('docs', 'empty')", "ls()", "find()",
    ]),
    ("copy", WORLD, False, [
        "cd('docs')", "cp('a.txt', 'a2.txt')", "cp('a.txt', 'a2.txt')", "cp('nope', 'x')", "cp('a.txt', 'x/y')",
        "cp('a.txt', 3)", "cp('a.txt', {'a': 1})", "mkdir('sub')", "cp('a.txt', 'sub')", "cp('a.txt', 'sub')",
        "cp('sub', 'sub3')", "cd('sub3')", "ls()", "echo('changed', 'a.txt')", "cd('..')", "cd('sub')",
        "cat('a.txt')", "pwd()", "cd('..')", "cp('sub', 'sub3')", "touch('t')", "cp('t', 'sub3')",
        "cd('sub3')", "ls()", "cd('..')", "cd('sub')", "ls()", "cd('..')", "cp('sub', 'sub')", "ls()",
        "cd('sub')", "ls()", "cd('sub')", "ls()", "pwd()", "cd('..')", "cd('..')", "find()", "du()",
        "rm('sub')", "find()", "du()",
    ]),
    ("remove", WORLD, False, [
        "rm('nope')", "rm([1])", "rm(5)", "rmdir('empty')", "rmdir('docs')", "rmdir('notes.md')",
        "rmdir('nope')", "rmdir({})", "rm('docs')", "ls(a=True)", "rm('.hidden')", "ls(True)",
        "rm(file_name='notes.md')", "du()", "ls()",
    ]),
    ("long_context", LONG, True, [
        "ls()", "cat('log.txt')", "cat('other.txt')", "cd('sub')", "ls()", "cat('report.txt')",
        "cat('x.py')", "wc('x.py', 'w')", "tail('x.py', 1)", "du()", "du(True)", "cd('..')", "du(True)",
        "find(name='image_3')",
    ]),
    ("long_context_files_only", {"root": {"r": tree(**{"a": file("A")})}}, True, ["ls()", "cat('a')"]),
    ("long_context_default", {}, True, ["ls()", "pwd()"]),
]

out = []
for name, config, long_context, calls in CASES:
    fs = gfs.GorillaFileSystem()
    fs._load_scenario(json.loads(json.dumps(config)), long_context=long_context)
    steps = []
    for call in calls:
        result = run(fs, call)
        steps.append({"call": call, "result": result, "state": state(fs)})
    out.append({"name": name, "config": config, "long_context": long_context, "steps": steps})
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
