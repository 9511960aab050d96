package filesystem_test

import (
	"fmt"

	"github.com/toolgym/toolgym/env/bfcl"
	_ "github.com/toolgym/toolgym/env/bfcl/filesystem" // registers GorillaFileSystem
	"github.com/toolgym/toolgym/pyval"
)

// Example loads a scenario as a BFCL entry gives it and runs calls
// written as a model writes them; each result is the string the
// reference's executor shows the model.
func Example() {
	config, err := pyval.FromJSON([]byte(`{"GorillaFileSystem": {"root": {"alex": {"type": "directory", "contents": {
		"notes.txt": {"type": "file", "content": "buy milk\ncall Bob"},
		"archive": {"type": "directory", "contents": {}}}}}}}`))
	if err != nil {
		panic(err)
	}
	env, err := bfcl.New([]string{"GorillaFileSystem"}, config.(*pyval.Dict), false)
	if err != nil {
		panic(err)
	}
	for _, call := range []string{
		"ls()",
		"grep(file_name='notes.txt', pattern='Bob')",
		"mv(source='notes.txt', destination='archive')",
		"cd(folder='archive')",
		"pwd()",
		"cat(file_name='missing.txt')",
		"wc(file_name='notes.txt', mode='w')",
	} {
		fmt.Println(env.Exec(call))
	}
	// Output:
	// {"current_directory_content": ["notes.txt", "archive"]}
	// {"matching_lines": ["call Bob"]}
	// {"result": "'notes.txt' moved to 'archive/notes.txt'"}
	// {"current_working_directory": "archive"}
	// {"current_working_directory": "/alex/archive"}
	// {"error": "cat: 'missing.txt': No such file or directory"}
	// {"count": 4, "type": "words"}
}
